public import Foundation

/// The reporting window and the evaluation time.
///
/// INSIGHTS.md §0, Readings 1–2. Undefined ratios are `nil` (JSON `null`), never 0; every field is always
/// encoded. Field-by-field definitions: `Documentation/Insights.md`.
public struct ReportWindow: Sendable, Hashable, Encodable {
    /// `from`: Start of the half-open window `[from, to)` (inclusive), RFC 3339 UTC.
    public let from: Date
    /// `to`: End of the window (exclusive).
    public let to: Date
    /// `evaluation_time`: The largest `t` of the log (Reading 1): outcomes (replies, accepts) are observed up to it, even after `to` (Reading 2).
    public let evaluationTime: Date

    enum CodingKeys: String, CodingKey {
        case from = "from"
        case to = "to"
        case evaluationTime = "evaluation_time"
    }

    /// Encodes every field under its stable snake_case key, `null` included; times as RFC 3339 UTC.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(RFC3339.format(from), forKey: .from)
        try c.encode(RFC3339.format(to), forKey: .to)
        try c.encode(RFC3339.format(evaluationTime), forKey: .evaluationTime)
    }
}
