/// C7 Inactive and at-risk members.
///
/// INSIGHTS.md C7. Undefined ratios are `nil` (JSON `null`), never 0; every field is always
/// encoded. Field-by-field definitions: `Documentation/Insights.md`.
public struct InactiveAndAtRisk: Sendable, Hashable, Encodable {
    /// `inactive_contributors`: Members whose last post (thread or reply) is older than E − 90 d, counted in the window of that last post (bots excluded).
    public let inactiveContributors: Int
    /// `quiet_days`: The at-risk quiet period q in days (configuration, 7–28; default 14).
    public let quietDays: Int
    /// `at_risk`: Non-staff, non-bot members in the top 25% (⌈n/4⌉, ties by member id) by active days in the 90 days before the quiet period, n = members active then, with no activity in the last q days.
    public let atRisk: Int
    /// `at_risk_members`: Their ids, sorted.
    public let atRiskMembers: [String]

    enum CodingKeys: String, CodingKey {
        case inactiveContributors = "inactive_contributors"
        case quietDays = "quiet_days"
        case atRisk = "at_risk"
        case atRiskMembers = "at_risk_members"
    }

    /// Encodes every field under its stable snake_case key, `null` included; times as RFC 3339 UTC.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(inactiveContributors, forKey: .inactiveContributors)
        try c.encode(quietDays, forKey: .quietDays)
        try c.encode(atRisk, forKey: .atRisk)
        try c.encode(atRiskMembers, forKey: .atRiskMembers)
    }
}
