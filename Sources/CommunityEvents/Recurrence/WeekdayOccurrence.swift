/// One entry of a `BYDAY` list: a weekday, optionally with an ordinal (`MO`, `1FR`, `-1SU`).
///
/// The ordinal counts within the month (`MONTHLY`, or `YEARLY` with `BYMONTH`) or the year
/// (`YEARLY`); negative values count from the end.
///
/// ```swift
/// let lastFriday = WeekdayOccurrence(.friday, ordinal: -1)
/// lastFriday.description   // "-1FR"
/// ```
public struct WeekdayOccurrence: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The weekday.
    public var weekday: Weekday
    /// The ordinal, `nil` for every such weekday; otherwise ±1...53.
    public var ordinal: Int?

    /// Creates a `BYDAY` entry.
    ///
    /// - Parameters:
    ///   - weekday: The weekday.
    ///   - ordinal: `nil` for every such weekday of the period; ±1...53 for the n-th (negative:
    ///     from the end). Validated by ``RecurrenceRule``.
    public init(_ weekday: Weekday, ordinal: Int? = nil) {
        self.weekday = weekday
        self.ordinal = ordinal
    }

    /// The RFC 5545 form, e.g. `"-1SU"`.
    public var description: String {
        if let ordinal { return "\(ordinal)\(weekday.code)" }
        return weekday.code
    }
}
