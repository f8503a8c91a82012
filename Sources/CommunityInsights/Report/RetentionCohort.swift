/// One C3 retention cohort: members who joined in one UTC week (Monday start).
///
/// INSIGHTS.md C3. Undefined ratios are `nil` (JSON `null`), never 0; every field is always
/// encoded. Field-by-field definitions: `Documentation/Insights.md`.
public struct RetentionCohort: Sendable, Hashable, Encodable {
    /// `cohort_start`: Monday (YYYY-MM-DD, UTC) of the join week.
    public let cohortStart: String
    /// `members`: Members who joined that week inside the window (not staff at joining, not bots); leavers stay in the denominator.
    public let members: Int
    /// `day_1`: R₁: share active in [join + 24 h, join + 48 h) (Reading 5 activity). `null` (censored) until the cohort's last join + 2 d ≤ evaluation time.
    public let day1: Double?
    /// `day_7`: R₇: share active in [join + 7 d, join + 8 d); `null` until last join + 8 d ≤ evaluation time.
    public let day7: Double?
    /// `day_30`: R₃₀: share active in [join + 30 d, join + 31 d); `null` until last join + 31 d ≤ evaluation time.
    public let day30: Double?
    /// `day_1_unbounded`: Unbounded R₁: share active at or after join + 24 h; same publication rule as `day_1`.
    public let day1Unbounded: Double?
    /// `day_7_unbounded`: Unbounded R₇: active at or after join + 7 d.
    public let day7Unbounded: Double?
    /// `day_30_unbounded`: Unbounded R₃₀: active at or after join + 30 d.
    public let day30Unbounded: Double?
    /// `weeks`: W1…W12: share active in [join + 7k d, join + 7(k+1) d) for k = 1…12; an entry is `null` until last join + 7(k+1) d ≤ evaluation time.
    public let weeks: [Double?]

    enum CodingKeys: String, CodingKey {
        case cohortStart = "cohort_start"
        case members = "members"
        case day1 = "day_1"
        case day7 = "day_7"
        case day30 = "day_30"
        case day1Unbounded = "day_1_unbounded"
        case day7Unbounded = "day_7_unbounded"
        case day30Unbounded = "day_30_unbounded"
        case weeks = "weeks"
    }

    /// Encodes every field under its stable snake_case key, `null` included; times as RFC 3339 UTC.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(cohortStart, forKey: .cohortStart)
        try c.encode(members, forKey: .members)
        try c.encode(day1, forKey: .day1)
        try c.encode(day7, forKey: .day7)
        try c.encode(day30, forKey: .day30)
        try c.encode(day1Unbounded, forKey: .day1Unbounded)
        try c.encode(day7Unbounded, forKey: .day7Unbounded)
        try c.encode(day30Unbounded, forKey: .day30Unbounded)
        try c.encode(weeks, forKey: .weeks)
    }
}
