/// One UTC day and a count.
///
/// INSIGHTS.md C2. Undefined ratios are `nil` (JSON `null`), never 0; every field is always
/// encoded. Field-by-field definitions: `Documentation/Insights.md`.
public struct DailyCount: Sendable, Hashable, Encodable {
    /// `date`: The UTC day, YYYY-MM-DD.
    public let date: String
    /// `count`: The count for that day.
    public let count: Int

    enum CodingKeys: String, CodingKey {
        case date = "date"
        case count = "count"
    }

    /// Encodes every field under its stable snake_case key, `null` included; times as RFC 3339 UTC.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(date, forKey: .date)
        try c.encode(count, forKey: .count)
    }
}
