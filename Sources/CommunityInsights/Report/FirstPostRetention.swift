/// C3 second cohort: members by first post; retained = posts again within 90 days.
///
/// INSIGHTS.md C3. Undefined ratios are `nil` (JSON `null`), never 0; every field is always
/// encoded. Field-by-field definitions: `Documentation/Insights.md`.
public struct FirstPostRetention: Sendable, Hashable, Encodable {
    /// `members`: Members whose first post ever was created in the window (not staff at that post, not bots) and is at least 90 days old at the evaluation time (younger ones are censored).
    public let members: Int
    /// `retained`: Of those, members who posted again within 90 days of their first post.
    public let retained: Int
    /// `retained_rate`: `retained` ÷ `members`.
    public let retainedRate: Double?
    /// `replied_members`: Members whose first post was a thread that got a first response within 48 h.
    public let repliedMembers: Int
    /// `replied_retained_rate`: Retention of `replied_members` (Joyce & Kraut: 56% with a reply).
    public let repliedRetainedRate: Double?
    /// `unreplied_members`: Members whose first post was a thread with no first response within 48 h.
    public let unrepliedMembers: Int
    /// `unreplied_retained_rate`: Retention of `unreplied_members` (Joyce & Kraut: 44% without).
    public let unrepliedRetainedRate: Double?

    enum CodingKeys: String, CodingKey {
        case members = "members"
        case retained = "retained"
        case retainedRate = "retained_rate"
        case repliedMembers = "replied_members"
        case repliedRetainedRate = "replied_retained_rate"
        case unrepliedMembers = "unreplied_members"
        case unrepliedRetainedRate = "unreplied_retained_rate"
    }

    /// Encodes every field under its stable snake_case key, `null` included; times as RFC 3339 UTC.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(members, forKey: .members)
        try c.encode(retained, forKey: .retained)
        try c.encode(retainedRate, forKey: .retainedRate)
        try c.encode(repliedMembers, forKey: .repliedMembers)
        try c.encode(repliedRetainedRate, forKey: .repliedRetainedRate)
        try c.encode(unrepliedMembers, forKey: .unrepliedMembers)
        try c.encode(unrepliedRetainedRate, forKey: .unrepliedRetainedRate)
    }
}
