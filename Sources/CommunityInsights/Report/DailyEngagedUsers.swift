/// C2 Daily engaged users.
///
/// INSIGHTS.md C2. Undefined ratios are `nil` (JSON `null`), never 0; every field is always
/// encoded. Field-by-field definitions: `Documentation/Insights.md`.
public struct DailyEngagedUsers: Sendable, Hashable, Encodable {
    /// `mean`: Mean of `days[].count`; `null` if the series is empty.
    public let mean: Double?
    /// `peak`: Largest daily count (0 if none).
    public let peak: Int
    /// `days`: Per UTC day from the day of `from` to the day of min(`to` − 1 s, evaluation time): distinct members with a reaction, thread or reply that day inside the window, staff (at the line) and bots excluded.
    public let days: [DailyCount]

    enum CodingKeys: String, CodingKey {
        case mean = "mean"
        case peak = "peak"
        case days = "days"
    }

    /// Encodes every field under its stable snake_case key, `null` included; times as RFC 3339 UTC.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(mean, forKey: .mean)
        try c.encode(peak, forKey: .peak)
        try c.encode(days, forKey: .days)
    }
}
