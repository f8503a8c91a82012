public import Foundation

extension DiscussionReadTransaction {
    /// One ``readMarker(of:in:)`` per thread.
    public func readMarkers(of member: MemberID, in threads: [ThreadID]) async throws -> [ThreadID: ReadMarker] {
        var markers: [ThreadID: ReadMarker] = [:]
        for thread in threads {
            if let marker = try await readMarker(of: member, in: thread) { markers[thread] = marker }
        }
        return markers
    }

    /// Per space: the member's space read mark, then the threads by latest activity, 100 at a
    /// time with their read markers, down to the first thread whose listing key is below the mark's.
    public func unreadTallies(of member: MemberID, in spaces: [SpaceID], activeAfter floor: Date) async throws -> [UnreadTally] {
        var tallies: [UnreadTally] = []
        for space in spaces {
            let mark = max(floor, try await spaceReadMark(of: member, in: space)?.readUpTo ?? floor)
            let markKey = UnreadTally.listingKey(mark)
            var tally = UnreadTally(spaceID: space, threads: 0, posts: 0)
            var position: ThreadPosition?
            scan: while true {
                let threads = try await self.threads(in: space, order: .latestActivity, after: position, limit: 100)
                let active = threads.prefix { ThreadPosition.key(of: $0, order: .latestActivity) >= markKey }
                let markers = try await readMarkers(of: member, in: active.filter { $0.lastActivityAt > mark }.map(\.id))
                for thread in active where thread.lastActivityAt > mark {
                    let unread = thread.lastPostNumber - (markers[thread.id]?.lastReadNumber ?? 0)
                    if unread > 0 {
                        tally.threads += 1
                        tally.posts += unread
                    }
                }
                guard active.count == 100, let last = threads.last else { break scan }
                position = ThreadPosition(last, order: .latestActivity)
            }
            tallies.append(tally)
        }
        return tallies
    }
}

extension UnreadTally {
    /// The `latestActivity` listing key of a thread last active at `date` (milliseconds since
    /// 1970, rounded down; ``ThreadPosition/key(of:order:)``), clamped instead of trapping on
    /// a date out of range. Keys are monotonic in the date: every thread active after `date`
    /// has a key at least this one.
    package static func listingKey(_ date: Date) -> Int64 {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded(.down)
        guard !milliseconds.isNaN else { return .min }
        if milliseconds <= -9.2e18 { return .min }
        if milliseconds >= 9.2e18 { return .max }
        return Int64(milliseconds)
    }
}
