/// C9 Activity dates and times (UTC).
///
/// INSIGHTS.md C9, Reading 13. Undefined ratios are `nil` (JSON `null`), never 0; every field is always
/// encoded. Field-by-field definitions: `Documentation/Insights.md`.
public struct ActivityTimes: Sendable, Hashable, Encodable {
    /// `heatmap`: 7 × 24 counts of Reading 5 activity lines in the window (staff at the line and bots excluded): row 0 = Monday … 6 = Sunday, column = UTC hour. Local time = UTC (the format carries no time zone).
    public let heatmap: [[Int]]
    /// `peak_weekday`: Row of the busiest weekday (0 = Monday); `null` with no activity.
    public let peakWeekday: Int?
    /// `peak_hour`: Busiest UTC hour; `null` with no activity.
    public let peakHour: Int?
    /// `bursts`: Days of the window (up to the evaluation time) whose count exceeds the trailing 28-day mean + 2σ; only days with 28 days of log history before them are tested.
    public let bursts: [Burst]

    enum CodingKeys: String, CodingKey {
        case heatmap = "heatmap"
        case peakWeekday = "peak_weekday"
        case peakHour = "peak_hour"
        case bursts = "bursts"
    }

    /// Encodes every field under its stable snake_case key, `null` included; times as RFC 3339 UTC.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(heatmap, forKey: .heatmap)
        try c.encode(peakWeekday, forKey: .peakWeekday)
        try c.encode(peakHour, forKey: .peakHour)
        try c.encode(bursts, forKey: .bursts)
    }
}
