/// The `UNTIL` bound of a recurrence rule, inclusive, in one of its three RFC 5545 forms.
///
/// ```swift
/// let until = RecurrenceUntil.utc(try LocalDateTime(parsing: "19971224T000000Z"))
/// until.description   // "19971224T000000Z"
/// ```
public enum RecurrenceUntil: Hashable, Sendable, Codable, CustomStringConvertible {
    /// An instant, given as its UTC wall-clock time (`19971224T000000Z`); compared with each
    /// occurrence's instant.
    case utc(LocalDateTime)
    /// A wall-clock time in the series' time zone (`19971224T000000`); compared with each
    /// occurrence's local time.
    case local(LocalDateTime)
    /// A date (`19971224`), read as its local midnight: for an all-day series the date is
    /// included; for a timed series (which RFC 5545 says should use a date-time) no time of
    /// that day is, as in libical and python-dateutil.
    case date(LocalDateTime)

    /// The iCalendar basic form.
    public var description: String {
        switch self {
        case .utc(let value): value.basicString + "Z"
        case .local(let value): value.basicString
        case .date(let value): value.basicDateString
        }
    }
}
