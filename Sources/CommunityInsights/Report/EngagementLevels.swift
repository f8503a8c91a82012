/// §3 Orbit-style engagement: Love, Orbit levels and gravity (non-bot members, at the evaluation time).
///
/// INSIGHTS.md §3. Undefined ratios are `nil` (JSON `null`), never 0; every field is always
/// encoded. Field-by-field definitions: `Documentation/Insights.md`.
public struct EngagementLevels: Sendable, Hashable, Encodable {
    /// `members`: Non-bot members (staff included).
    public let members: Int
    /// `love_mean`: Mean Love. Love_m = Σ w(e)·0.9^((E − t_e)/30 d) over activities in (E − 365 d, E], weights view 1, reaction 2, RSVP 3, attend 5, reply 5, thread 6, first response to a newcomer 7 (instead of the reply's 5), accepted answer 8 (in addition); at most 20 counted events per type, member and UTC day (first responses and accepted answers are not capped).
    public let loveMean: Double?
    /// `love_median`: Median Love by nearest rank.
    public let loveMedian: Double?
    /// `love_max`: Largest Love.
    public let loveMax: Double?
    /// `leading`: Members at Orbit level L1 Leading: weight 10–12 in the last 90 days (no such activity in the format) or ≥ 30 active days in the last 90.
    public let leading: Int
    /// `contributing`: L2 Contributing: a first response to a newcomer or an accepted answer (weight 7–9) in the last 90 days, or ≥ 7 active days in the last 30.
    public let contributing: Int
    /// `participating`: L3 Participating: a reply, thread or attendance (weight 4–6) in the last 90 days, or ≥ 2 active days in the last 7.
    public let participating: Int
    /// `exploring`: L4 Exploring: only views, reactions, RSVPs (weight 1–3) in the last 90 days.
    public let exploring: Int
    /// `inactive`: Members with no weighted activity and no milestone in the last 90 days (`orbit_level` null).
    public let inactive: Int
    /// `gravity`: Σ W²·count over levels (W = 10, 7, 4, 1 for L1…L4) ÷ members joined by E.
    public let gravity: Double?
    /// `gravity_month_ago`: The same at E − 30 days (levels recomputed from the 90 days before it).
    public let gravityMonthAgo: Double?
    /// `gravity_change`: `gravity` − `gravity_month_ago` (month-over-month change).
    public let gravityChange: Double?
    /// `spices`: Community SPICES shares of the window: engagement weight (§3 weights) by non-staff, non-bot members, an activity with k letters adding 1/k of its weight to each (§4).
    public let spices: SpicesShares

    enum CodingKeys: String, CodingKey {
        case members = "members"
        case loveMean = "love_mean"
        case loveMedian = "love_median"
        case loveMax = "love_max"
        case leading = "leading"
        case contributing = "contributing"
        case participating = "participating"
        case exploring = "exploring"
        case inactive = "inactive"
        case gravity = "gravity"
        case gravityMonthAgo = "gravity_month_ago"
        case gravityChange = "gravity_change"
        case spices = "spices"
    }

    /// Encodes every field under its stable snake_case key, `null` included; times as RFC 3339 UTC.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(members, forKey: .members)
        try c.encode(loveMean, forKey: .loveMean)
        try c.encode(loveMedian, forKey: .loveMedian)
        try c.encode(loveMax, forKey: .loveMax)
        try c.encode(leading, forKey: .leading)
        try c.encode(contributing, forKey: .contributing)
        try c.encode(participating, forKey: .participating)
        try c.encode(exploring, forKey: .exploring)
        try c.encode(inactive, forKey: .inactive)
        try c.encode(gravity, forKey: .gravity)
        try c.encode(gravityMonthAgo, forKey: .gravityMonthAgo)
        try c.encode(gravityChange, forKey: .gravityChange)
        try c.encode(spices, forKey: .spices)
    }
}
