import CommunityCore
@testable import CommunitySQLite
import Testing

/// Every paged query is served by an index: `EXPLAIN QUERY PLAN` shows `SEARCH … USING (COVERING)
/// INDEX` or the primary key, never a `SCAN` of a table.
@Suite struct SQLiteQueryPlanTests {
    static let queries: [(name: String, sql: String)] = [
        ("members page", SQLiteQueries.membersPage),
        ("directory search, one term", SQLiteQueries.directorySearch(termCount: 1)),
        ("directory search, three terms", SQLiteQueries.directorySearch(termCount: 3)),
        ("spaces page", SQLiteQueries.spacesPage),
        ("memberships of a space", SQLiteQueries.membershipsOfSpace),
        ("memberships of a member", SQLiteQueries.membershipsOfMember),
        ("join requests page", SQLiteQueries.joinRequestsPage),
        ("activities of a community", SQLiteQueries.activitiesOfCommunity),
        ("activities of a space", SQLiteQueries.activitiesOfSpace),
        ("member count", "SELECT count(*) FROM members WHERE community_id = ?"),
        ("member count by role", "SELECT count(*) FROM members WHERE community_id = ? AND role = ?"),
        ("pending join request", "SELECT 1 FROM join_requests WHERE space_id = ? AND member_id = ? AND state = 'pending'"),
        ("last activity sequence", "SELECT coalesce(max(sequence), 0) FROM activities"),
        ("member handle", "SELECT 1 FROM members WHERE community_id = ? AND handle = ?"),
        ("invitation token", "SELECT 1 FROM invitations WHERE token = ?"),
        ("delete member's join requests", "DELETE FROM join_requests WHERE member_id = ?"),
        ("delete member's memberships", "DELETE FROM memberships WHERE member_id = ?"),
        ("delete member's tokens", "DELETE FROM member_tokens WHERE member_id = ?"),
    ]

    @Test(arguments: queries.map(\.name))
    func usesAnIndex(_ name: String) throws {
        let folder = try TemporaryFolder()
        let path = folder.path()
        _ = try SQLiteCommunityStore(path: path)
        let sql = try #require(Self.queries.first { $0.name == name }?.sql)
        let database = try SQLiteDatabase(path: path, create: false, busyTimeout: .seconds(1))
        let plan = try database.query("EXPLAIN QUERY PLAN " + sql) { $0.text(3) }
        #expect(!plan.isEmpty)
        let scans = plan.filter(Self.scansATable)
        #expect(scans.isEmpty, "\(name) scans a table: \(plan.joined(separator: " | "))")
    }

    /// `SCAN members`, `SCAN m`, … — but not scans of a subquery's result or of a constant row.
    static func scansATable(_ detail: String) -> Bool {
        guard detail.hasPrefix("SCAN ") else { return false }
        return !detail.hasPrefix("SCAN (") && !detail.hasPrefix("SCAN CONSTANT ROW")
    }

    @Test func recognizesAScan() {
        #expect(Self.scansATable("SCAN members"))
        #expect(Self.scansATable("SCAN members USING COVERING INDEX members_by_role"))
        #expect(!Self.scansATable("SEARCH members USING INDEX members_by_community (community_id=? AND id>?)"))
    }
}
