/// One C10 conversion cohort: members who joined in one UTC calendar month.
///
/// INSIGHTS.md C10. Undefined ratios are `nil` (JSON `null`), never 0; every field is always
/// encoded. Field-by-field definitions: `Documentation/Insights.md`.
public struct ConversionCohort: Sendable, Hashable, Encodable {
    /// `cohort`: The join month, YYYY-MM.
    public let cohort: String
    /// `members`: Members who joined that month inside the window (not staff at joining, not bots).
    public let members: Int
    /// `eligible`: Of those, members whose first 90 days ended by the evaluation time (the others are censored).
    public let eligible: Int
    /// `viewed`: Eligible members with a `view` within 90 days of joining.
    public let viewed: Int
    /// `reacted`: Eligible members with a reaction or an RSVP within 90 days of joining.
    public let reacted: Int
    /// `posted`: Eligible members with a thread or reply within 90 days of joining.
    public let posted: Int
    /// `champions`: Eligible members who are A3 champions at the evaluation time (A3 is evaluated at E only, so this step is not bounded to 90 days).
    public let champions: Int
    /// `joined_to_viewed`: `viewed` ÷ `eligible`.
    public let joinedToViewed: Double?
    /// `viewed_to_reacted`: Members who viewed and reacted/RSVPed ÷ `viewed`.
    public let viewedToReacted: Double?
    /// `reacted_to_posted`: Members who reacted/RSVPed and posted ÷ `reacted`.
    public let reactedToPosted: Double?
    /// `posted_to_champion`: Members who posted and are champions ÷ `posted`.
    public let postedToChampion: Double?

    enum CodingKeys: String, CodingKey {
        case cohort = "cohort"
        case members = "members"
        case eligible = "eligible"
        case viewed = "viewed"
        case reacted = "reacted"
        case posted = "posted"
        case champions = "champions"
        case joinedToViewed = "joined_to_viewed"
        case viewedToReacted = "viewed_to_reacted"
        case reactedToPosted = "reacted_to_posted"
        case postedToChampion = "posted_to_champion"
    }

    /// Encodes every field under its stable snake_case key, `null` included; times as RFC 3339 UTC.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(cohort, forKey: .cohort)
        try c.encode(members, forKey: .members)
        try c.encode(eligible, forKey: .eligible)
        try c.encode(viewed, forKey: .viewed)
        try c.encode(reacted, forKey: .reacted)
        try c.encode(posted, forKey: .posted)
        try c.encode(champions, forKey: .champions)
        try c.encode(joinedToViewed, forKey: .joinedToViewed)
        try c.encode(viewedToReacted, forKey: .viewedToReacted)
        try c.encode(reactedToPosted, forKey: .reactedToPosted)
        try c.encode(postedToChampion, forKey: .postedToChampion)
    }
}
