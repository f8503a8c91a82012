public import CommunityCore
public import Foundation

/// A half-open reporting window `[from, to)` (INSIGHTS.md §0). Items (threads, joins, posts)
/// belong to the window of their creation; their outcomes (replies, accepts) are observed up to
/// the evaluation time, even after `to` (Reading 2).
///
/// ```swift
/// let march = try InsightsWindow(from: start, to: end)
/// ```
public struct InsightsWindow: Sendable, Hashable {
    /// The first instant inside the window.
    public let from: Date
    /// The first instant after the window.
    public let to: Date

    /// Creates a window.
    /// - Parameters:
    ///   - from: The first instant inside the window.
    ///   - to: The first instant after it; must be later than `from`.
    /// - Throws: ``CommunityError`` `invalidInput` (field `to`) if `to <= from`.
    public init(from: Date, to: Date) throws(CommunityError) {
        guard to > from else {
            throw CommunityError.invalidInput(
                "the window end \(RFC3339.format(to)) must be after its start \(RFC3339.format(from))", field: "to")
        }
        self.from = from
        self.to = to
    }

    /// The default window of a log: from the start of the UTC day of its earliest time to the
    /// start of the UTC day after its evaluation time, so every record is inside.
    /// - Parameter log: A log with at least one timed record.
    /// - Throws: ``CommunityError`` `invalidInput` if the log has no timed record.
    public static func covering(_ log: ActivityLog) throws(CommunityError) -> InsightsWindow {
        try covering(earliest: log.earliestTime, latest: log.evaluationTime, empty: "the activity log has no timed record")
    }

    /// The window covering a table: as ``covering(_:)-(ActivityLog)`` for its rows.
    /// - Parameter table: A table with at least one timed row.
    /// - Returns: From the start of the UTC day of the earliest row to the start of the UTC day
    ///   after the latest.
    /// - Throws: ``CommunityError`` `invalidInput` (field `from`) if no row has a time.
    public static func covering(_ table: ActivityTable) throws(CommunityError) -> InsightsWindow {
        try covering(earliest: table.earliestTime, latest: table.evaluationTime, empty: "the activity table has no timed row")
    }

    /// From the start of the UTC day of `earliest` to the start of the UTC day after `latest`;
    /// `empty` (and what to do about it) when either is missing.
    private static func covering(earliest: Date?, latest: Date?, empty: String) throws(CommunityError) -> InsightsWindow {
        guard let first = earliest, let last = latest else {
            throw CommunityError.invalidInput("\(empty); pass an explicit window", field: "from")
        }
        let start = Double(RFC3339.day(first.timeIntervalSince1970)) * 86_400
        let end = Double(RFC3339.day(last.timeIntervalSince1970) + 1) * 86_400
        return try InsightsWindow(from: Date(timeIntervalSince1970: start), to: Date(timeIntervalSince1970: end))
    }
}
