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
        ("access records", SQLiteQueries.accessRecords),
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

    /// The discussion queries: served by an index that also gives their order (no temporary
    /// B-tree for `ORDER BY`), except search, whose order is the BM25 rank.
    static let discussionQueries: [(name: String, sql: String)] = ThreadOrder.allCases.map { ("threads by \($0)", SQLiteQueries.threadsPage($0)) } + [
        ("pinned threads", SQLiteQueries.pinnedThreads),
        ("posts by number, forward", SQLiteQueries.postsForward),
        ("posts by number, backward", SQLiteQueries.postsBackward),
        ("revisions of a post", SQLiteQueries.revisionsOfPost),
        ("post count by author since", SQLiteQueries.postCountByAuthorSince),
        ("last post by author in space", SQLiteQueries.lastPostDateInSpace),
        ("reactions by member on a post", SQLiteQueries.reactionsOfMemberOnPost),
        ("followers page", SQLiteQueries.followersPage),
        ("inbox page", SQLiteQueries.inboxPage),
        ("unread inbox page", SQLiteQueries.unreadInboxPage),
        ("unread inbox count", SQLiteQueries.unreadInboxCount),
        ("mark inbox read", SQLiteQueries.markInboxRead),
        ("flags of a post", SQLiteQueries.flagsOfPost),
        ("open flags page", SQLiteQueries.openFlagsPage),
        ("thread by id", "SELECT title FROM threads WHERE id = ? AND community_id = ?"),
        ("post by thread and number", "SELECT 1 FROM posts WHERE thread_id = ? AND number = ?"),
        ("post by id", "SELECT body FROM posts WHERE id = ? AND community_id = ?"),
        ("stored thread", SQLiteQueries.storedThread),
        ("update of a reply's thread columns", SQLiteQueries.threadUpdates.sql(changed: [10, 11, 12, 14, 24, 26])),
        ("update post", SQLiteQueries.updatePost),
        ("follow check", "SELECT 1 FROM follows WHERE target_kind = ? AND target_id = ? AND member_id = ?"),
        ("search document", "SELECT p.seq, t.title FROM posts p LEFT JOIN threads t ON t.id = p.thread_id WHERE p.id = ?"),
        ("space read marks of a member", SQLiteQueries.spaceReadMarksOfMember),
        ("unread tally of a space", SQLiteQueries.unreadTally),
        ("post insert checks", SQLiteQueries.postInsertChecks),
    ]

    /// The event queries: each served by an index that also gives its order (no temporary B-tree).
    static let eventQueries: [(name: String, sql: String)] = [
        ("events page", SQLiteQueries.eventsPage),
        ("event by id", SQLiteQueries.eventByID),
        ("update event", SQLiteQueries.updateEvent),
        ("rsvp lookup", SQLiteQueries.rsvpLookup),
        ("seats lookup", SQLiteQueries.seatsLookup),
        ("waitlist in number order", SQLiteQueries.waitlist),
        ("rsvps by response, paged", SQLiteQueries.rsvpsByResponse),
        ("event of a community check", "SELECT 1 FROM events WHERE id = ? AND community_id = ?"),
        ("reminder receipt lookup", SQLiteQueries.reminderReceiptLookup),
        ("delete reminder receipt", SQLiteQueries.deleteReminderReceipt),
        ("live state lookup", SQLiteQueries.liveStateLookup),
        ("attendance of an occurrence", SQLiteQueries.attendanceOfOccurrence),
        ("attendance of a member", SQLiteQueries.attendanceOfMember),
        ("questions of an occurrence", SQLiteQueries.liveQuestionsOfOccurrence),
        ("polls of an occurrence", SQLiteQueries.pollsOfOccurrence),
        ("question by id", "SELECT text FROM live_questions WHERE id = ? AND community_id = ?"),
        ("upvote check", "SELECT 1 FROM live_question_upvotes WHERE question_id = ? AND member_id = ?"),
        ("poll choices", "SELECT choices FROM poll_choices WHERE poll_id = ? AND member_id = ?"),
        ("overrides of an event", SQLiteQueries.overridesOfEvent),
    ]

    @Test(arguments: eventQueries.map(\.name))
    func eventQueryUsesAnIndexInOrder(_ name: String) throws {
        let plan = try Self.plan(of: try #require(Self.eventQueries.first { $0.name == name }?.sql))
        #expect(!plan.isEmpty)
        #expect(plan.filter(Self.scansATable).isEmpty, "\(name) scans a table: \(plan.joined(separator: " | "))")
        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(name) sorts: \(plan.joined(separator: " | "))")
        #expect(plan.contains { $0.hasPrefix("SEARCH ") }, "\(name) searches nothing: \(plan.joined(separator: " | "))")
    }

    /// The waitlist reads its partial index, and the answers page the response index, not the table's key order.
    @Test func waitlistAndAnswersUseTheirIndexes() throws {
        #expect(try Self.plan(of: SQLiteQueries.waitlist).contains { $0.contains("INDEX event_rsvps_waitlist") })
        #expect(try Self.plan(of: SQLiteQueries.rsvpsByResponse).contains { $0.contains("INDEX event_rsvps_by_response") })
        #expect(try Self.plan(of: SQLiteQueries.eventsPage).contains { $0.contains("INDEX events_by_community") })
    }

    @Test(arguments: discussionQueries.map(\.name))
    func discussionQueryUsesAnIndexInOrder(_ name: String) throws {
        let plan = try Self.plan(of: try #require(Self.discussionQueries.first { $0.name == name }?.sql))
        #expect(!plan.isEmpty)
        #expect(plan.filter(Self.scansATable).isEmpty, "\(name) scans a table: \(plan.joined(separator: " | "))")
        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(name) sorts: \(plan.joined(separator: " | "))")
        #expect(plan.contains { $0.hasPrefix("SEARCH ") }, "\(name) searches nothing: \(plan.joined(separator: " | "))")
    }

    /// Counts and the latest post date read an index alone, never the table rows.
    @Test(arguments: [SQLiteQueries.postCountByAuthorSince, SQLiteQueries.lastPostDateInSpace, SQLiteQueries.unreadInboxCount])
    func countsAreCovered(_ sql: String) throws {
        let plan = try Self.plan(of: sql)
        #expect(plan.count == 1 && plan[0].contains("USING COVERING INDEX"), "\(plan)")
    }

    /// The default listing (latest activity) and the unread tally read the covering
    /// `threads_by_activity` index alone, never the thread rows.
    @Test func latestActivityListingAndUnreadTallyAreCovered() throws {
        let listing = try Self.plan(of: SQLiteQueries.threadsPage(.latestActivity))
        #expect(listing.count == 1 && listing[0].contains("USING COVERING INDEX threads_by_activity"), "\(listing)")
        let tally = try Self.plan(of: SQLiteQueries.unreadTally)
        #expect(tally.contains { $0.hasPrefix("SEARCH t USING COVERING INDEX threads_by_activity") }, "\(tally)")
    }

    /// Search: the FTS5 index answers the MATCH and ranks (`VIRTUAL TABLE INDEX …:M…`); the
    /// candidates are joined to posts and threads by key, and the only other scans are of the
    /// bound lists (`json_each`).
    @Test func searchUsesTheFullTextIndexAndKeys() throws {
        let candidates = try Self.plan(of: SQLiteQueries.searchCandidates)
        #expect(candidates.contains { $0.hasPrefix("SCAN post_search VIRTUAL TABLE INDEX") && $0.contains(":M") }, "\(candidates)")
        #expect(!candidates.contains { $0.contains("TEMP B-TREE") }, "FTS5 ranks itself: \(candidates)")
        let plan = try Self.plan(of: SQLiteQueries.searchFilter)
        #expect(plan.contains { $0.hasPrefix("SEARCH p USING INTEGER PRIMARY KEY") }, "\(plan)")
        #expect(plan.contains { $0.hasPrefix("SEARCH t USING PRIMARY KEY") }, "\(plan)")
        let otherScans = (candidates + plan).filter { Self.scansATable($0) && !$0.hasPrefix("SCAN post_search ") && !$0.hasPrefix("SCAN json_each ") }
        #expect(otherScans.isEmpty, "\(plan)")
    }

    /// The FTS5 query holds the normalized terms only, each quoted, the last as a prefix.
    @Test func ftsQueryQuotesEveryTermAndPrefixesTheLast() throws {
        #expect(SQLiteQueries.ftsQuery(try SearchQuery("Événement à PARIS")) == "\"evenement\" \"a\" \"paris\"*")
        #expect(SQLiteQueries.ftsQuery(try SearchQuery("caf")) == "\"caf\"*")
        #expect(SQLiteQueries.ftsQuery(try SearchQuery("a\" OR b* NEAR(c) col:d -e")) == "\"a\" \"or\" \"b\" \"near\" \"c\" \"col\" \"d\" \"e\"*")
    }

    static func plan(of sql: String) throws -> [String] {
        let folder = try TemporaryFolder()
        let path = folder.path()
        _ = try SQLiteCommunityStore(path: path)
        let database = try SQLiteDatabase(path: path, create: false, busyTimeout: .seconds(1))
        return try database.query("EXPLAIN QUERY PLAN " + sql) { $0.text(3) }
    }

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
