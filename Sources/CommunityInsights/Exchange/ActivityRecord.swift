public import Foundation

/// One line of the activity exchange format: its payload and the 1-based line it came from.
///
/// Records are ordered by (time, line): a reader returns them in that order and
/// ``InsightsEngine`` consumes them in that order. `tag` lines carry no time and sort first.
///
/// ```swift
/// let records = try ActivityLogReader.read(data)
/// for record in records { print(record.line, record.event.typeName) }
/// ```
public struct ActivityRecord: Sendable, Hashable {
    /// The 1-based line number in the source file (the tie-breaker of the (t, line) order).
    /// Records built in code use their position in the log.
    public var line: Int
    /// The activity itself.
    public var event: ActivityEvent

    /// Creates a record.
    /// - Parameters:
    ///   - line: The 1-based source line (or log position).
    ///   - event: The activity.
    public init(line: Int, event: ActivityEvent) {
        self.line = line
        self.event = event
    }

    /// The time of the activity, `nil` for `tag` lines.
    public var time: Date? { event.time }

    /// `true` if `self` comes before `other` in the (t, line) order; untimed `tag` lines first.
    public func precedes(_ other: ActivityRecord) -> Bool {
        switch (time, other.time) {
        case (nil, nil): return line < other.line
        case (nil, _): return true
        case (_, nil): return false
        case let (a?, b?): return a < b || (a == b && line < other.line)
        }
    }
}
