/// A4 Topic breadth beyond the product (Derived).
///
/// INSIGHTS.md A4, Reading 10. Undefined ratios are `nil` (JSON `null`), never 0; every field is always
/// encoded. Field-by-field definitions: `Documentation/Insights.md`.
public struct TopicBreadth: Sendable, Hashable, Encodable {
    /// `threads`: Threads created in the window (staff and bot threads included).
    public let threads: Int
    /// `tagged_threads`: Threads with ≥ 1 tag (an absent or empty `tags` = untagged).
    public let taggedThreads: Int
    /// `beyond_threads`: Tagged threads with no product tag; a tag is product only if its last `tag` line says so.
    public let beyondThreads: Int
    /// `bps`: Beyond-product share = `beyond_threads` ÷ `tagged_threads`.
    public let bps: Double?
    /// `coverage`: `tagged_threads` ÷ `threads`.
    public let coverage: Double?
    /// `effective_topics`: exp(H), H = Shannon entropy (natural log) of the community's engagement-weighted tag shares in the window: each thread (6), reply (5) and reaction (2) by a non-staff, non-bot member on a tagged thread adds its §3 weight split evenly over the thread's distinct tags.
    public let effectiveTopics: Double?
    /// `health`: Derived metric: no benchmark in §5 (`healthy` is always `null`).
    public let health: HealthAssessment

    enum CodingKeys: String, CodingKey {
        case threads = "threads"
        case taggedThreads = "tagged_threads"
        case beyondThreads = "beyond_threads"
        case bps = "bps"
        case coverage = "coverage"
        case effectiveTopics = "effective_topics"
        case health = "health"
    }

    /// Encodes every field under its stable snake_case key, `null` included; times as RFC 3339 UTC.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(threads, forKey: .threads)
        try c.encode(taggedThreads, forKey: .taggedThreads)
        try c.encode(beyondThreads, forKey: .beyondThreads)
        try c.encode(bps, forKey: .bps)
        try c.encode(coverage, forKey: .coverage)
        try c.encode(effectiveTopics, forKey: .effectiveTopics)
        try c.encode(health, forKey: .health)
    }
}
