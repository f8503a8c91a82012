/// A live, endless sequence of a community's activities (optionally one space's), read from a
/// cursor in the activity log.
///
/// It pulls pages from the store and, once caught up, waits for the store's signal of a new
/// commit. A slow consumer never blocks writers (nothing is buffered on the write side) and
/// never loses an activity (it resumes from its own cursor); a consumer that stops can resume
/// later from the last ``Activity/sequence`` it processed.
///
/// ```swift
/// for try await activity in ActivityStream(store: store, community: id, after: savedCursor) {
///     try await webhook.send(activity)
///     savedCursor = activity.sequence
/// }
/// ```
public struct ActivityStream: AsyncSequence, Sendable {
    /// What the stream yields.
    public typealias Element = Activity

    private let store: any CommunityStore
    private let community: CommunityID
    private let space: SpaceID?
    private let start: Int64
    private let pageSize: Int
    private let idleWait: Duration

    /// Creates a stream. It does not check permissions: hand it only to code allowed to see
    /// every activity of the community (or space); `CommunityService.activityStream` checks them.
    /// - Parameters:
    ///   - store: The store to read.
    ///   - community: The community.
    ///   - space: Only this space's activities, if given.
    ///   - after: Start after this sequence (0 = from the beginning).
    ///   - pageSize: Activities read per store call.
    ///   - idleWait: The longest wait for a signal before looking again (a safety net).
    public init(store: any CommunityStore, community: CommunityID, space: SpaceID? = nil, after: Int64 = 0,
                pageSize: Int = 256, idleWait: Duration = .seconds(5)) {
        self.store = store
        self.community = community
        self.space = space
        self.start = after
        self.pageSize = Swift.max(1, pageSize)
        self.idleWait = idleWait
    }

    /// Makes an iterator starting at the stream's cursor.
    public func makeAsyncIterator() -> Iterator {
        Iterator(stream: self, cursor: start)
    }

    /// Reads the log page by page, waiting when caught up. Ends only when the task is cancelled.
    public struct Iterator: AsyncIteratorProtocol {
        let stream: ActivityStream
        var cursor: Int64
        var buffer: [Activity] = []
        var index = 0

        /// The next activity, waiting for one if the consumer is caught up.
        /// - Returns: `nil` once the task is cancelled.
        public mutating func next() async throws -> Activity? {
            while index >= buffer.count {
                if Task.isCancelled { return nil }
                let stream = stream, cursor = cursor
                let (page, last) = try await stream.store.read { tx in
                    let page = if let space = stream.space {
                        try await tx.activities(inSpace: space, of: stream.community, after: cursor, limit: stream.pageSize)
                    } else {
                        try await tx.activities(in: stream.community, after: cursor, limit: stream.pageSize)
                    }
                    return (page, try await tx.lastActivitySequence())
                }
                if page.isEmpty {
                    // Nothing of ours up to `last` in this snapshot: skip past it and wait for a newer commit.
                    self.cursor = Swift.max(cursor, last)
                    await stream.store.waitForActivity(after: self.cursor, timeout: stream.idleWait)
                } else {
                    buffer = page
                    index = 0
                }
            }
            let activity = buffer[index]
            index += 1
            cursor = activity.sequence
            return activity
        }
    }
}
