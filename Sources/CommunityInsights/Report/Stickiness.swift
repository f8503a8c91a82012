/// C1 Stickiness (DAU/MAU).
///
/// INSIGHTS.md C1, Readings 5–6. Undefined ratios are `nil` (JSON `null`), never 0; every field is always
/// encoded. Field-by-field definitions: `Documentation/Insights.md`.
public struct Stickiness: Sendable, Hashable, Encodable {
    /// `dau_mau`: Mean over the 30 UTC days ending on the day of min(evaluation time, `to`) of DAU(d)/MAU(d); DAU(d) = distinct active members on d, MAU(d) = distinct active members in [d−29, d] (activity before the window counts); a day with MAU = 0 counts 0. Active = a `member`, `thread`, `reply`, `accept`, `react`, `rsvp`, `attend` or `view` line by a member who is neither staff at that line nor a bot (Reading 5).
    public let dauMau: Double
    /// `period_start`: First UTC day (YYYY-MM-DD) of the 30-day period.
    public let periodStart: String
    /// `period_end`: Last UTC day of the period.
    public let periodEnd: String
    /// `dau`: DAU on the last day of the period.
    public let dau: Int
    /// `mau`: MAU on the last day of the period.
    public let mau: Int
    /// `health`: `dau_mau` ≥ 0.20 is healthy (SaaS: 15% average, 20% good, 30% great; Sequoia via June, §5). Inflated in small communities.
    public let health: HealthAssessment
    /// `days`: The daily series over the days of `daily_engaged_users.days` (the day of `from` to the day of min(`to` − 1 s, evaluation time)), computed in the same pass; empty when that range is.
    public let days: [DailyStickiness]

    enum CodingKeys: String, CodingKey {
        case dauMau = "dau_mau"
        case periodStart = "period_start"
        case periodEnd = "period_end"
        case dau = "dau"
        case mau = "mau"
        case health = "health"
        case days = "days"
    }

    /// Encodes every field under its stable snake_case key, `null` included; times as RFC 3339 UTC.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(dauMau, forKey: .dauMau)
        try c.encode(periodStart, forKey: .periodStart)
        try c.encode(periodEnd, forKey: .periodEnd)
        try c.encode(dau, forKey: .dau)
        try c.encode(mau, forKey: .mau)
        try c.encode(health, forKey: .health)
        try c.encode(days, forKey: .days)
    }
}
