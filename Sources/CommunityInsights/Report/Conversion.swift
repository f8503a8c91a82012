/// C10 Conversion ladder joined → viewed → reacted/RSVP → posted → champion, and monthly level moves.
///
/// INSIGHTS.md C10. Undefined ratios are `nil` (JSON `null`), never 0; every field is always
/// encoded. Field-by-field definitions: `Documentation/Insights.md`.
public struct Conversion: Sendable, Hashable, Encodable {
    /// `cohorts`: Join-month cohorts of the window, oldest first; a step is reached when done at least once within 90 days of joining (order not required); rates are between consecutive steps.
    public let cohorts: [ConversionCohort]
    /// `level_moves`: One entry per Orbit level at E − 30 days (L1…L4, then inactive), comparing with the level at E.
    public let levelMoves: [LevelMoves]

    enum CodingKeys: String, CodingKey {
        case cohorts = "cohorts"
        case levelMoves = "level_moves"
    }

    /// Encodes every field under its stable snake_case key, `null` included; times as RFC 3339 UTC.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(cohorts, forKey: .cohorts)
        try c.encode(levelMoves, forKey: .levelMoves)
    }
}
