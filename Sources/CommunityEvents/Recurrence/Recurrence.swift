import CommunityCore
import Foundation

/// A recurring series: a start, an optional time zone, an optional RFC 5545 rule, and extra
/// (`RDATE`) and excluded (`EXDATE`) start times.
///
/// A `Recurrence` is a lazy `Sequence` of ``Occurrence``s in ascending order. The rule expands in
/// wall-clock time in ``timeZone`` (a weekly 18:00 Europe/Paris event stays at 18:00 across DST);
/// each time then resolves to an instant: a time in a DST gap moves forward by the gap's length,
/// an ambiguous time takes its first instance. DTSTART is the first occurrence when it matches
/// the rule and is not an occurrence when it does not; `COUNT` counts it. `RDATE`s add
/// occurrences, `EXDATE`s remove them (after `COUNT` is applied), and duplicates collapse.
///
/// ```swift
/// let series = try Recurrence(
///     start: LocalDateTime(parsing: "2026-03-01T18:00:00"),
///     timeZone: TimeZone(identifier: "Europe/Paris"),
///     rule: RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=TU"))
/// for occurrence in series.prefix(3) {
///     print(occurrence)   // 2026-03-03T18:00:00+01:00, 2026-03-10T18:00:00+01:00, …
/// }
/// ```
///
/// Unbounded rules end after year 9999, so iterate with `prefix`, ``occurrences(from:to:)`` or
/// ``nextOccurrence(after:)``.
public struct Recurrence: Sequence, Hashable, Sendable {
    /// DTSTART, a wall-clock time in ``timeZone`` (midnight for an all-day series).
    public let start: LocalDateTime
    /// The zone of every wall-clock time of the series; `nil` for floating time.
    public let timeZone: TimeZone?
    /// The rule; `nil` for a series made of ``start`` and ``rdates`` only.
    public let rule: RecurrenceRule?
    /// Extra occurrences (`RDATE`), wall-clock times in ``timeZone``.
    public let rdates: [LocalDateTime]
    /// Excluded occurrences (`EXDATE`), wall-clock times in ``timeZone``.
    public let exdates: [LocalDateTime]
    /// Whether occurrences are dates (`DTSTART;VALUE=DATE`) rather than times.
    public let isAllDay: Bool

    /// Creates a series.
    ///
    /// - Parameters:
    ///   - start: DTSTART. For an all-day series, its time is ignored.
    ///   - timeZone: The zone of the wall-clock times; `nil` for floating time.
    ///   - rule: The recurrence rule, if any.
    ///   - rdates: Extra occurrences.
    ///   - exdates: Excluded occurrences (matched by instant).
    ///   - isAllDay: Whether occurrences are dates.
    /// - Throws: ``CommunityError`` `.invalidInput` when an all-day series has a rule finer than
    ///   daily or with `BYHOUR`/`BYMINUTE`/`BYSECOND` (field `"rrule.FREQ"` or the part).
    public init(
        start: LocalDateTime, timeZone: TimeZone? = nil, rule: RecurrenceRule? = nil,
        rdates: [LocalDateTime] = [], exdates: [LocalDateTime] = [], isAllDay: Bool = false
    ) throws {
        if isAllDay, let rule {
            if rule.frequency < .daily {
                throw CommunityError.invalidInput(
                    "an all-day series repeats daily or less often, not FREQ=\(rule.frequency.name)",
                    field: "rrule.FREQ")
            }
            for (name, values) in [("BYHOUR", rule.byHour), ("BYMINUTE", rule.byMinute), ("BYSECOND", rule.bySecond)]
            where !values.isEmpty {
                throw CommunityError.invalidInput("an all-day series cannot have \(name)", field: "rrule.\(name)")
            }
        }
        self.start = isAllDay ? start.startOfDay : start
        self.timeZone = timeZone
        self.rule = rule
        self.rdates = isAllDay ? rdates.map(\.startOfDay) : rdates
        self.exdates = isAllDay ? exdates.map(\.startOfDay) : exdates
        self.isAllDay = isAllDay
    }

    /// Zone identifiers that name UTC itself, whose offsets are written `Z`.
    static let utcIdentifiers: Set<String> = [
        "UTC", "GMT", "Etc/UTC", "Etc/GMT", "Etc/UCT", "UCT", "Etc/Universal", "Universal", "Etc/Zulu", "Zulu",
    ]

    /// Whether ``timeZone`` is UTC itself.
    var isUTC: Bool { timeZone.map { Self.utcIdentifiers.contains($0.identifier) } ?? false }

    /// A fresh iterator over the occurrences, ascending.
    public func makeIterator() -> RecurrenceIterator {
        RecurrenceIterator(self)
    }

    /// The occurrences whose instant lies in `[from, to)`.
    ///
    /// - Parameters:
    ///   - from: The first instant included.
    ///   - to: The first instant excluded.
    /// - Returns: The occurrences, ascending; the expansion stops at `to`.
    public func occurrences(from: Date, to: Date) -> [Occurrence] {
        var result: [Occurrence] = []
        for occurrence in self {
            if occurrence.date >= to { break }
            if occurrence.date >= from { result.append(occurrence) }
        }
        return result
    }

    /// The occurrences whose instant lies in a closed interval (its end included, as
    /// `DateInterval.contains` reads it).
    ///
    /// - Parameter interval: The interval.
    /// - Returns: The occurrences, ascending; the expansion stops past the interval's end.
    public func occurrences(in interval: DateInterval) -> [Occurrence] {
        var result: [Occurrence] = []
        for occurrence in self {
            if occurrence.date > interval.end { break }
            if occurrence.date >= interval.start { result.append(occurrence) }
        }
        return result
    }

    /// The occurrences whose wall-clock time lies between two wall-clock times.
    ///
    /// - Parameters:
    ///   - from: The lower bound, in ``timeZone``.
    ///   - to: The upper bound, in ``timeZone``.
    ///   - inclusive: `true` for `[from, to]`, `false` for `(from, to)`.
    ///   - limit: The most occurrences to return, if any.
    /// - Returns: The occurrences, ascending; the expansion stops past `to`.
    public func occurrences(
        from: LocalDateTime, to: LocalDateTime, inclusive: Bool = true, limit: Int? = nil
    ) -> [Occurrence] {
        var result: [Occurrence] = []
        if let limit, limit <= 0 { return result }
        for occurrence in self {
            let local = occurrence.local
            if inclusive ? local > to : local >= to { break }
            if inclusive ? local >= from : local > from {
                result.append(occurrence)
                if let limit, result.count >= limit { break }
            }
        }
        return result
    }

    /// The first occurrence strictly after an instant.
    ///
    /// - Parameter date: The instant.
    /// - Returns: The occurrence, or `nil` when the series has ended.
    public func nextOccurrence(after date: Date) -> Occurrence? {
        first { $0.date > date }
    }
}
