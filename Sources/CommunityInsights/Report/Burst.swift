/// A C9 burst day.
///
/// INSIGHTS.md C9. Undefined ratios are `nil` (JSON `null`), never 0; every field is always
/// encoded. Field-by-field definitions: `Documentation/Insights.md`.
public struct Burst: Sendable, Hashable, Encodable {
    /// `date`: The UTC day.
    public let date: String
    /// `count`: Activity lines that day (Reading 5 activity, staff and bots excluded).
    public let count: Int
    /// `threshold`: Trailing 28-day mean + 2σ (population σ) of the daily counts of the 28 previous days.
    public let threshold: Double

    enum CodingKeys: String, CodingKey {
        case date = "date"
        case count = "count"
        case threshold = "threshold"
    }

    /// Encodes every field under its stable snake_case key, `null` included; times as RFC 3339 UTC.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(date, forKey: .date)
        try c.encode(count, forKey: .count)
        try c.encode(threshold, forKey: .threshold)
    }
}
