public import CommunityCore
public import Foundation

/// An activity log in memory as columns of fixed-width values, sorted by (t, line): what the
/// report engine streams over.
///
/// Each row is one line of the exchange format: its ``ActivityKind`` (1 byte), time (`Double`
/// seconds since 1970, UTC), source line, acting member, and up to three references, each an
/// `Int32` index into a string dictionary kept on the side (``memberIDs``, ``objectIDs`` for
/// posts, threads and resources, which share one name space as in the format, ``eventIDs``,
/// ``spaceIDs``, ``tagIDs``). A row takes 30 bytes whatever the length of its identifiers,
/// against several hundred for an ``ActivityRecord`` with its strings; building the table hashes
/// every identifier once, and the report never hashes a string again.
///
/// Indices are assigned in order of first appearance in the (t, line) order, so a table does not
/// depend on the line order of the file it was read from.
///
/// ```swift
/// let table = try ActivityLogReader.readTable(contentsOf: url)   // or ActivityTable(log)
/// let report = try InsightsReport.compute(from: table)
/// print(table.count, table.memberIDs.count)
/// ```
public struct ActivityTable: Sendable {
    // Columns, one entry per row.
    var kinds: [ActivityKind] = []
    /// Seconds since 1970 (UTC); −∞ for `tag` rows.
    var times: [Double] = []
    var lines: [Int32] = []
    /// The acting member (``memberIDs``); −1 for `tag` rows.
    var members: [Int32] = []
    /// `tag`: the tag; `thread`, `reply`: the new post; `accept`, `react`, `delete`, `flag`: the
    /// post; `view`: the resource (``objectIDs``); `rsvp`, `attend`: the event; else −1.
    var objects: [Int32] = []
    /// `thread`: the space; `reply`, `accept`: the thread (``objectIDs``); else −1.
    var targets: [Int32] = []
    /// `reply`: the parent post or −1; `thread`: its ordinal, the index of its tag list.
    var extras: [Int32] = []
    /// ``Flag`` bits.
    var flags: [UInt8] = []
    /// The tags of thread k: `threadTags[threadTagStart[k]..<threadTagStart[k + 1]]`.
    var threadTagStart: [Int32] = [0]
    var threadTags: [Int32] = []

    /// Member identifiers.
    public internal(set) var memberIDs = InternedStrings()
    /// Post, thread and resource identifiers (one name space: a thread id is its first post's id
    /// and may be viewed as a resource).
    public internal(set) var objectIDs = InternedStrings()
    /// Event identifiers (`rsvp`, `attend`).
    public internal(set) var eventIDs = InternedStrings()
    /// Space identifiers (`thread`).
    public internal(set) var spaceIDs = InternedStrings()
    /// Tag identifiers (`tag`, `thread`).
    public internal(set) var tagIDs = InternedStrings()

    /// Bits of the flags column.
    enum Flag {
        /// `member`, `role`: staff. `tag`: product. `thread`: a question.
        static let first: UInt8 = 1
        /// `member`: a bot. `thread`: the `tags` field is present.
        static let second: UInt8 = 2
    }

    /// An empty table.
    public init() {}

    /// The table of a parsed log, in its (t, line) order.
    /// - Parameter log: A log from ``ActivityLogReader`` or built in code.
    /// - Throws: ``CommunityError`` `invalidInput` if a line number does not fit in 32 bits or an
    ///   identifier dictionary overflows.
    public init(_ log: ActivityLog) throws(CommunityError) {
        reserveCapacity(log.records.count)
        for record in log.records { try append(record.event, line: record.line) }
    }

    /// The table of records in any order, sorted by (t, line) as ``ActivityLog`` sorts them.
    /// - Parameter records: The records.
    /// - Throws: As ``init(_:)``.
    public init(records: [ActivityRecord]) throws(CommunityError) {
        try self.init(ActivityLog(records: records))
    }

    /// The number of rows.
    public var count: Int { kinds.count }

    /// The largest `t`: the evaluation time of every window (INSIGHTS.md Reading 1); `nil` if no
    /// row has a time.
    public var evaluationTime: Date? {
        times.last.flatMap { $0.isFinite ? Date(timeIntervalSince1970: $0) : nil }
    }

    /// The smallest `t`, `nil` if no row has a time.
    public var earliestTime: Date? {
        times.first(where: \.isFinite).map { Date(timeIntervalSince1970: $0) }
    }

    /// The number of threads (`thread` rows).
    public var threadCount: Int { threadTagStart.count - 1 }

    /// The tags of thread ordinal `k`, as written (duplicates kept).
    func tags(ofThread k: Int) -> ArraySlice<Int32> {
        threadTags[Int(threadTagStart[k])..<Int(threadTagStart[k + 1])]
    }

    mutating func reserveCapacity(_ n: Int) {
        kinds.reserveCapacity(n)
        times.reserveCapacity(n)
        lines.reserveCapacity(n)
        members.reserveCapacity(n)
        objects.reserveCapacity(n)
        targets.reserveCapacity(n)
        extras.reserveCapacity(n)
        flags.reserveCapacity(n)
    }
}
