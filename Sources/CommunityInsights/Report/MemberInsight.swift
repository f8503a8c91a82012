public import Foundation

/// The CRM record of one member at the evaluation time (`members[]`).
///
/// INSIGHTS.md §3 CRM record. Undefined ratios are `nil` (JSON `null`), never 0; every field is always
/// encoded. Field-by-field definitions: `Documentation/Insights.md`.
public struct MemberInsight: Sendable, Hashable, Encodable {
    /// `member`: The member id.
    public let member: String
    /// `staff`: Staff at the evaluation time.
    public let staff: Bool
    /// `love`: §3 Love (see `engagement.love_mean`).
    public let love: Double
    /// `orbit_level`: Orbit level 1 (Leading) … 4 (Exploring); `null` when inactive for 90 days.
    public let orbitLevel: Int?
    /// `champion`: A3 champion (held 14 days).
    public let champion: Bool
    /// `emerging`: A3 emerging (3 of 4 criteria).
    public let emerging: Bool
    /// `champion_reasons`: The four A3 criteria at E, each `met: …` or `missed: …` with the member's figures, plus `held: …` when the status comes from an earlier day; empty for staff and bots.
    public let championReasons: [String]
    /// `top_interests`: Up to 3 tags with the largest engagement weight of the member (thread 6, reply 5, reaction 2 split over the thread's tags, whole log, while not staff); ties by tag name.
    public let topInterests: [String]
    /// `topic_entropy`: H_m = −Σ p_k ln p_k / ln K over the member's tag shares, K = number of distinct tags in the log; `null` if K < 2 or no tagged engagement.
    public let topicEntropy: Double?
    /// `spices_profile`: The member's weighted SPICES shares over the whole log.
    public let spicesProfile: SpicesShares
    /// `last_active_at`: Time of the last Reading 5 activity line (any staff status).
    public let lastActiveAt: Date?
    /// `at_risk`: C7 at-risk.
    public let atRisk: Bool
    /// `first_post_at`: Time of the first thread or reply.
    public let firstPostAt: Date?
    /// `accepted_answers`: Threads whose final accepted answer the member wrote (self-solved excluded).
    public let acceptedAnswers: Int
    /// `peer_first_responses`: Threads whose first response the member wrote while not staff.
    public let peerFirstResponses: Int

    /// Creates a record; the engine builds them, hosts and tests may build their own (for
    /// example to feed ``CRMExport`` or ``CRMSnapshot`` from another source).
    public init(
        member: String, staff: Bool = false, love: Double = 0, orbitLevel: Int? = nil, champion: Bool = false,
        emerging: Bool = false, championReasons: [String] = [], topInterests: [String] = [], topicEntropy: Double? = nil,
        spicesProfile: SpicesShares = SpicesShares(), lastActiveAt: Date? = nil, atRisk: Bool = false,
        firstPostAt: Date? = nil, acceptedAnswers: Int = 0, peerFirstResponses: Int = 0
    ) {
        self.member = member
        self.staff = staff
        self.love = love
        self.orbitLevel = orbitLevel
        self.champion = champion
        self.emerging = emerging
        self.championReasons = championReasons
        self.topInterests = topInterests
        self.topicEntropy = topicEntropy
        self.spicesProfile = spicesProfile
        self.lastActiveAt = lastActiveAt
        self.atRisk = atRisk
        self.firstPostAt = firstPostAt
        self.acceptedAnswers = acceptedAnswers
        self.peerFirstResponses = peerFirstResponses
    }

    enum CodingKeys: String, CodingKey {
        case member = "member"
        case staff = "staff"
        case love = "love"
        case orbitLevel = "orbit_level"
        case champion = "champion"
        case emerging = "emerging"
        case championReasons = "champion_reasons"
        case topInterests = "top_interests"
        case topicEntropy = "topic_entropy"
        case spicesProfile = "spices_profile"
        case lastActiveAt = "last_active_at"
        case atRisk = "at_risk"
        case firstPostAt = "first_post_at"
        case acceptedAnswers = "accepted_answers"
        case peerFirstResponses = "peer_first_responses"
    }

    /// Encodes every field under its stable snake_case key, `null` included; times as RFC 3339 UTC.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(member, forKey: .member)
        try c.encode(staff, forKey: .staff)
        try c.encode(love, forKey: .love)
        try c.encode(orbitLevel, forKey: .orbitLevel)
        try c.encode(champion, forKey: .champion)
        try c.encode(emerging, forKey: .emerging)
        try c.encode(championReasons, forKey: .championReasons)
        try c.encode(topInterests, forKey: .topInterests)
        try c.encode(topicEntropy, forKey: .topicEntropy)
        try c.encode(spicesProfile, forKey: .spicesProfile)
        try c.encode(lastActiveAt.map(RFC3339.format), forKey: .lastActiveAt)
        try c.encode(atRisk, forKey: .atRisk)
        try c.encode(firstPostAt.map(RFC3339.format), forKey: .firstPostAt)
        try c.encode(acceptedAnswers, forKey: .acceptedAnswers)
        try c.encode(peerFirstResponses, forKey: .peerFirstResponses)
    }
}
