/// C10 monthly Orbit-level moves of the members at one level 30 days before E.
///
/// INSIGHTS.md C10. Undefined ratios are `nil` (JSON `null`), never 0; every field is always
/// encoded. Field-by-field definitions: `Documentation/Insights.md`.
public struct LevelMoves: Sendable, Hashable, Encodable {
    /// `level`: The Orbit level at E − 30 days (1 Leading … 4 Exploring; `null` = inactive).
    public let level: Int?
    /// `members`: Non-bot members joined by E − 30 days at that level then.
    public let members: Int
    /// `moved_up`: Members at a better level (smaller number) at E; inactive counts as worst.
    public let movedUp: Int
    /// `held`: Members at the same level at E.
    public let held: Int
    /// `moved_down`: Members at a worse level at E (or inactive).
    public let movedDown: Int

    enum CodingKeys: String, CodingKey {
        case level = "level"
        case members = "members"
        case movedUp = "moved_up"
        case held = "held"
        case movedDown = "moved_down"
    }

    /// Encodes every field under its stable snake_case key, `null` included; times as RFC 3339 UTC.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(level, forKey: .level)
        try c.encode(members, forKey: .members)
        try c.encode(movedUp, forKey: .movedUp)
        try c.encode(held, forKey: .held)
        try c.encode(movedDown, forKey: .movedDown)
    }
}
