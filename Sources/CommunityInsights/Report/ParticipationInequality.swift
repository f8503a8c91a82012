/// C8 Participation inequality.
///
/// INSIGHTS.md C8, Reading 7. Undefined ratios are `nil` (JSON `null`), never 0; every field is always
/// encoded. Field-by-field definitions: `Documentation/Insights.md`.
public struct ParticipationInequality: Sendable, Hashable, Encodable {
    /// `contributors`: n = members with ≥ 1 post (thread or reply) created in the window; posts made while staff and bot posts excluded; deleted posts counted.
    public let contributors: Int
    /// `posts`: Σx, the posts of those contributors in the window.
    public let posts: Int
    /// `active_members`: Visit-active members in the window (Reading 5 lines, not staff at the line, not bots): the population of the 90-9-1 buckets.
    public let activeMembers: Int
    /// `lurkers`: Active members with 0 posts (the "90").
    public let lurkers: Int
    /// `occasional`: Contributors outside the top 1% (the "9").
    public let occasional: Int
    /// `heavy`: The top 1%: the ⌈active_members/100⌉ contributors with the most posts (ties by member id), at most `contributors` (the "1").
    public let heavy: Int
    /// `lurker_share`: `lurkers` ÷ `active_members`.
    public let lurkerShare: Double?
    /// `occasional_share`: `occasional` ÷ `active_members`.
    public let occasionalShare: Double?
    /// `heavy_share`: `heavy` ÷ `active_members`.
    public let heavyShare: Double?
    /// `occasional_post_share`: Share of `posts` written by the occasional bucket.
    public let occasionalPostShare: Double?
    /// `heavy_post_share`: Share of `posts` written by the top 1%.
    public let heavyPostShare: Double?
    /// `top_10_percent_share`: Posts of the ⌈n/10⌉ largest contributors ÷ `posts`.
    public let top10PercentShare: Double?
    /// `gini`: G = Σ(2i−n−1)x₍ᵢ₎ / (n·Σx), x ascending; `null` if n < 2.
    public let gini: Double?
    /// `contributor_absence_factor`: CAF = smallest k whose top-k contributors wrote ≥ 50% of `posts`; `null` with no posts.
    public let contributorAbsenceFactor: Int?
    /// `contributor_absence_share`: CAF ÷ n (Khoros average 9.35%).
    public let contributorAbsenceShare: Double?
    /// `health`: `top_10_percent_share` within 0.43–0.69 is typical (Khoros, 200+ communities: mean 55.95%, SD 13%, §5).
    public let health: HealthAssessment
    /// `lorenz_curve`: The Lorenz curve of posts over contributors, smallest contributors first, from (0, 0) to (1, 1): every contributor when n ≤ 100, else 101 vertices at contributor ranks round(k·n/100), k = 0…100; empty with no posts.
    public let lorenzCurve: [LorenzPoint]

    enum CodingKeys: String, CodingKey {
        case contributors = "contributors"
        case posts = "posts"
        case activeMembers = "active_members"
        case lurkers = "lurkers"
        case occasional = "occasional"
        case heavy = "heavy"
        case lurkerShare = "lurker_share"
        case occasionalShare = "occasional_share"
        case heavyShare = "heavy_share"
        case occasionalPostShare = "occasional_post_share"
        case heavyPostShare = "heavy_post_share"
        case top10PercentShare = "top_10_percent_share"
        case gini = "gini"
        case contributorAbsenceFactor = "contributor_absence_factor"
        case contributorAbsenceShare = "contributor_absence_share"
        case health = "health"
        case lorenzCurve = "lorenz_curve"
    }

    /// Encodes every field under its stable snake_case key, `null` included; times as RFC 3339 UTC.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(contributors, forKey: .contributors)
        try c.encode(posts, forKey: .posts)
        try c.encode(activeMembers, forKey: .activeMembers)
        try c.encode(lurkers, forKey: .lurkers)
        try c.encode(occasional, forKey: .occasional)
        try c.encode(heavy, forKey: .heavy)
        try c.encode(lurkerShare, forKey: .lurkerShare)
        try c.encode(occasionalShare, forKey: .occasionalShare)
        try c.encode(heavyShare, forKey: .heavyShare)
        try c.encode(occasionalPostShare, forKey: .occasionalPostShare)
        try c.encode(heavyPostShare, forKey: .heavyPostShare)
        try c.encode(top10PercentShare, forKey: .top10PercentShare)
        try c.encode(gini, forKey: .gini)
        try c.encode(contributorAbsenceFactor, forKey: .contributorAbsenceFactor)
        try c.encode(contributorAbsenceShare, forKey: .contributorAbsenceShare)
        try c.encode(health, forKey: .health)
        try c.encode(lorenzCurve, forKey: .lorenzCurve)
    }
}
