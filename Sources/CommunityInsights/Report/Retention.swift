/// C3 N-day retention.
///
/// INSIGHTS.md C3. Undefined ratios are `nil` (JSON `null`), never 0; every field is always
/// encoded. Field-by-field definitions: `Documentation/Insights.md`.
public struct Retention: Sendable, Hashable, Encodable {
    /// `cohorts`: Join-week cohorts of the window, oldest first.
    public let cohorts: [RetentionCohort]
    /// `first_post`: The first-post cohort of the window.
    public let firstPost: FirstPostRetention

    enum CodingKeys: String, CodingKey {
        case cohorts = "cohorts"
        case firstPost = "first_post"
    }

    /// Encodes every field under its stable snake_case key, `null` included; times as RFC 3339 UTC.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(cohorts, forKey: .cohorts)
        try c.encode(firstPost, forKey: .firstPost)
    }
}
