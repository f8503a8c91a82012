public import CommunityCore
public import Foundation

/// The streaming computation behind ``InsightsReport``: feed it records in (t, line) order with
/// ``consume(_:)``, then call ``makeReport()``.
///
/// One pass, no activity is kept: memory is O(members + threads + posts) — per-member counters
/// and bit sets, per-thread state, and per post 30 bytes (author, thread, time, staff and
/// deleted flags, flag count, first-response candidate link, view target) needed to attribute reactions,
/// accepts and deletions, which name only the post. Views, reactions, RSVPs and the other
/// high-volume activities are folded into counters as they stream by. Over an ``ActivityTable``
/// (``init(table:window:evaluationTime:configuration:)``) the pass hashes no string: every
/// id is already a dense index.
///
/// Semantics follow INSIGHTS.md and its normative Readings: staff status is the one in force at
/// each line (Reading 4); outcomes are observed up to the evaluation time (Readings 1–2).
/// Records whose references do not resolve (a reply to an unknown thread, a reaction to an
/// unknown post, an accept of a post of another thread) are skipped and counted in
/// ``skippedRecords``.
///
/// ```swift
/// var engine = InsightsEngine(window: window, evaluationTime: log.evaluationTime ?? window.to)
/// for record in log.records { try engine.consume(record) }
/// let report = engine.makeReport()
/// ```
public struct InsightsEngine: Sendable {
    /// The window being reported.
    public let window: InsightsWindow
    /// The evaluation time (Reading 1: the largest `t` of the log).
    public let evaluationTime: Date
    /// The configuration in use.
    public let configuration: InsightsConfiguration
    /// Records whose post or thread reference did not resolve, so they were skipped.
    public private(set) var skippedRecords = 0

    var state: EngineState

    /// Creates an engine.
    /// - Parameters:
    ///   - window: The reporting window.
    ///   - evaluationTime: When outcomes stop being observed; the largest `t` of the log.
    ///   - configuration: Tunables; INSIGHTS.md's defaults if omitted.
    public init(window: InsightsWindow, evaluationTime: Date, configuration: InsightsConfiguration = InsightsConfiguration()) {
        self.window = window
        self.evaluationTime = evaluationTime
        self.configuration = configuration
        self.state = EngineState(window: window, evaluationTime: evaluationTime.timeIntervalSince1970, configuration: configuration)
    }

    /// Folds one record into the state.
    /// - Parameter record: The next record in (t, line) order (`tag` lines may come anywhere).
    /// - Throws: ``CommunityError`` `invalidInput` naming the line if records come out of time
    ///   order, come after the evaluation time, name a member before their `member` line, repeat
    ///   a `member` line, or reuse a post id.
    public mutating func consume(_ record: ActivityRecord) throws(CommunityError) {
        if try !state.consume(record) { skippedRecords += 1 }
    }

    /// Creates an engine over a columnar table and streams every row of it.
    ///
    /// The streaming pass reads only the table's integer columns: per-member and per-thread
    /// state lives in flat arrays indexed by the table's interned ids. Over a table of at least
    /// 65,536 rows the pass runs as two sections with disjoint state (activity, and everything
    /// else) on two threads, each visiting the rows in table order, so the state — and every
    /// figure of the report — is the one a single sequential pass gives; this initializer returns
    /// once both are done.
    /// - Parameters:
    ///   - table: The activities, sorted by (t, line) as every ``ActivityTable`` is.
    ///   - window: The reporting window.
    ///   - evaluationTime: When outcomes stop being observed; the largest `t` of the table.
    ///   - configuration: Tunables; INSIGHTS.md's defaults if omitted.
    /// - Throws: As ``consume(_:)``, for the first inconsistent row.
    public init(
        table: ActivityTable, window: InsightsWindow, evaluationTime: Date,
        configuration: InsightsConfiguration = InsightsConfiguration()
    ) throws(CommunityError) {
        self.window = window
        self.evaluationTime = evaluationTime
        self.configuration = configuration
        self.state = EngineState(
            table: table, window: window, evaluationTime: evaluationTime.timeIntervalSince1970, configuration: configuration)
        // A second thread pays off only over a large table.
        skippedRecords = try state.consume(table: table, concurrently: table.count >= 1 << 16)
    }

    /// Computes the report from the state so far. With 10,000 members or more, the member
    /// analytics (§3, A3, C7, C10, the CRM records) are built on further threads while this one
    /// builds the other sections; the report is the same either way.
    /// - Returns: The report of ``window`` at ``evaluationTime``.
    public func makeReport() -> InsightsReport {
        state.makeReport()
    }
}
