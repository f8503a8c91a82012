/// A2 Member-initiated thread share (MIT).
///
/// INSIGHTS.md A2. Undefined ratios are `nil` (JSON `null`), never 0; every field is always
/// encoded. Field-by-field definitions: `Documentation/Insights.md`.
public struct MemberInitiatedShare: Sendable, Hashable, Encodable {
    /// `mit`: Threads created in the window whose author was neither staff (at posting time) nor a bot ÷ all threads created in the window.
    public let mit: Double?
    /// `mit_strict`: Strict MIT (threads with a `promptRef` dropped). Always `null`: the exchange format has no `promptRef`, and prompts are never guessed from timing (A2).
    public let mitStrict: Double?
    /// `member_threads`: Numerator of `mit`.
    public let memberThreads: Int
    /// `threads`: Denominator of `mit`.
    public let threads: Int
    /// `self_starter_rate`: Engaged members in the window (a reaction, thread or reply while not staff; bots excluded) who started ≥ 1 thread (while not staff) ÷ engaged members.
    public let selfStarterRate: Double?
    /// `engaged_members`: Denominator of `self_starter_rate`.
    public let engagedMembers: Int
    /// `self_starters`: Numerator of `self_starter_rate`.
    public let selfStarters: Int
    /// `health`: `mit` > 0.50 is healthy (Gainsight UGC% goal > 50%, aim 80%, §5).
    public let health: HealthAssessment

    enum CodingKeys: String, CodingKey {
        case mit = "mit"
        case mitStrict = "mit_strict"
        case memberThreads = "member_threads"
        case threads = "threads"
        case selfStarterRate = "self_starter_rate"
        case engagedMembers = "engaged_members"
        case selfStarters = "self_starters"
        case health = "health"
    }

    /// Encodes every field under its stable snake_case key, `null` included; times as RFC 3339 UTC.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(mit, forKey: .mit)
        try c.encode(mitStrict, forKey: .mitStrict)
        try c.encode(memberThreads, forKey: .memberThreads)
        try c.encode(threads, forKey: .threads)
        try c.encode(selfStarterRate, forKey: .selfStarterRate)
        try c.encode(engagedMembers, forKey: .engagedMembers)
        try c.encode(selfStarters, forKey: .selfStarters)
        try c.encode(health, forKey: .health)
    }
}
