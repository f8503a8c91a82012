/// One UTC day of the C1 series: DAU, MAU and their ratio.
///
/// INSIGHTS.md C1, Readings 5–6. Field-by-field definitions: `Documentation/Insights.md`.
public struct DailyStickiness: Sendable, Hashable, Encodable {
    /// `date`: The UTC day, YYYY-MM-DD.
    public let date: String
    /// `dau`: Distinct active members that day (Reading 5 lines, not staff at the line, not bots).
    public let dau: Int
    /// `mau`: Distinct active members in [d − 29, d] (activity before the window counts).
    public let mau: Int
    /// `dau_mau`: `dau` ÷ `mau`; 0 when MAU = 0 (§2).
    public let dauMau: Double

    enum CodingKeys: String, CodingKey {
        case date = "date"
        case dau = "dau"
        case mau = "mau"
        case dauMau = "dau_mau"
    }

    /// Encodes every field under its stable snake_case key.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(date, forKey: .date)
        try c.encode(dau, forKey: .dau)
        try c.encode(mau, forKey: .mau)
        try c.encode(dauMau, forKey: .dauMau)
    }
}
