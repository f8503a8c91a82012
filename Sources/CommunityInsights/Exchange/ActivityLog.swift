public import Foundation

/// A parsed activity log: its records in (t, line) order and the time span they cover.
///
/// Produced by ``ActivityLogReader``; feed ``records`` to an ``InsightsEngine`` in order, or
/// call ``InsightsReport/compute(from:window:configuration:)``.
public struct ActivityLog: Sendable, Hashable {
    /// The records sorted by (t, line); `tag` lines (no time) first, by line.
    public var records: [ActivityRecord]

    /// Creates a log from records, sorting them by (t, line).
    /// - Parameter records: The records, in any order.
    public init(records: [ActivityRecord]) {
        // Sort precomputed (t, line) keys rather than comparing enums: untimed tag lines first.
        let keys = records.map { ($0.time?.timeIntervalSince1970 ?? -Double.infinity, $0.line) }
        let order = keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }  // stable
        self.records = order.map { records[$0] }
    }

    /// Creates a log from records already sorted by (t, line).
    package init(sorted records: [ActivityRecord]) {
        self.records = records
    }

    /// The largest `t` of the log: the evaluation time of every window (INSIGHTS.md Reading 1).
    /// `nil` if no record has a time.
    public var evaluationTime: Date? {
        records.last(where: { $0.time != nil })?.time
    }

    /// The smallest `t` of the log, `nil` if no record has a time.
    public var earliestTime: Date? {
        records.first(where: { $0.time != nil })?.time
    }
}
