import CommunityCore
import Foundation

/// Unread counts computed in SQL from thread counters and read markers.
extension SQLiteTransaction {
    /// One read of the member's space marks, then one indexed count per space
    /// (``SQLiteQueries/unreadTally``) on the `threads_by_activity` range since the mark.
    func unreadTallies(of member: MemberID, in spaces: [SpaceID], activeAfter floor: Date) async throws -> [UnreadTally] {
        guard !spaces.isEmpty else { return [] }
        return try run { db in
            var marks: [SpaceID: Date] = [:]
            for (space, readUpTo) in try db.query(SQLiteQueries.spaceReadMarksOfMember, [.id(member)], row: { row in
                (try row.id(0, as: Space.self), SQLiteRecords.date(row, 1))
            }) {
                marks[space] = readUpTo
            }
            var tallies: [UnreadTally] = []
            tallies.reserveCapacity(spaces.count)
            for space in spaces {
                let mark = max(floor, marks[space] ?? floor)
                let counts = try db.queryFirst(
                    SQLiteQueries.unreadTally,
                    [.id(member), .id(space), .integer(UnreadTally.listingKey(mark)), SQLiteRecords.date(mark)]
                ) { row in (threads: Int(row.int64(0)), posts: Int(row.int64(1))) }
                tallies.append(UnreadTally(spaceID: space, threads: counts?.threads ?? 0, posts: counts?.posts ?? 0))
            }
            return tallies
        }
    }
}
