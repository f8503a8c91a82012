import CommunityCore
import Foundation

/// The SQL of every paged query, in one place so the query-plan test checks exactly what runs.
enum SQLiteQueries {
    static let membersPage =
        "SELECT \(SQLiteRecords.memberColumns) FROM members WHERE community_id = ?1 AND id > ?2 ORDER BY id LIMIT ?3"

    static let spacesPage =
        "SELECT \(SQLiteRecords.spaceColumns) FROM spaces WHERE community_id = ?1 AND id > ?2 ORDER BY id LIMIT ?3"

    static let membershipsOfSpace =
        "SELECT \(SQLiteRecords.membershipColumns) FROM memberships WHERE space_id = ?1 AND member_id > ?2 ORDER BY member_id LIMIT ?3"

    static let membershipsOfMember =
        "SELECT \(SQLiteRecords.membershipColumns) FROM memberships WHERE member_id = ?1 AND space_id > ?2 ORDER BY space_id LIMIT ?3"

    static let joinRequestsPage =
        "SELECT \(SQLiteRecords.joinRequestColumns) FROM join_requests WHERE space_id = ?1 AND state = ?2 AND id > ?3 ORDER BY id LIMIT ?4"

    static let activitiesOfCommunity =
        "SELECT \(SQLiteRecords.activityColumns) FROM activities WHERE community_id = ?1 AND sequence > ?2 ORDER BY sequence LIMIT ?3"

    static let activitiesOfSpace =
        "SELECT \(SQLiteRecords.activityColumns) FROM activities WHERE space_id = ?1 AND community_id = ?2 AND sequence > ?3 ORDER BY sequence LIMIT ?4"

    /// The member `?1` and the space `?2` of community `?3`, and the member's membership of the
    /// space, side by side in one row (``SQLiteRecords/memberColumns``, then
    /// ``SQLiteRecords/spaceColumns``, then ``SQLiteRecords/membershipColumns``), each all NULL
    /// when absent. Every lookup is by primary key.
    static let accessRecords = """
        SELECT \(qualified(SQLiteRecords.memberColumns, "m")), \(qualified(SQLiteRecords.spaceColumns, "s")),
            \(qualified(SQLiteRecords.membershipColumns, "ms"))
        FROM (SELECT 1)
        LEFT JOIN members m ON m.id = ?1 AND m.community_id = ?3
        LEFT JOIN spaces s ON s.id = ?2 AND s.community_id = ?3
        LEFT JOIN memberships ms ON ms.space_id = s.id AND ms.member_id = m.id
        """

    /// `t.a, t.b, …` for the columns `a, b, …`.
    static func qualified(_ columns: String, _ table: String) -> String {
        columns.split(separator: ",").map { "\(table).\($0.trimmingCharacters(in: .whitespacesAndNewlines))" }.joined(separator: ", ")
    }

    // MARK: Discussions

    /// A page of a space's threads in `order`. Parameters: `?1` space, `?2` key and `?3` id of
    /// the cursor (strictly after it: `(key, id) < (?2, ?3)`; ``SQLiteValue/afterEveryIdentifier``
    /// with `Int64.max` for the first page), `?4` limit. Each order has its partial index.
    static func threadsPage(_ order: ThreadOrder) -> String {
        let key: String
        var filter = "deleted_at IS NULL"
        switch order {
        case .latestActivity: key = "last_activity_ms"
        case .newest: key = "created_ms"
        case .topReactions: key = "reaction_count"
        case .unansweredQuestions:
            key = "created_ms"
            filter += " AND kind = 'question' AND accepted_post_id IS NULL"
        }
        return """
            SELECT \(SQLiteRecords.threadReadColumns) FROM threads
            WHERE space_id = ?1 AND \(filter) AND (\(key), id) < (?2, ?3)
            ORDER BY \(key) DESC, id DESC LIMIT ?4
            """
    }

    static let threadsPages: [ThreadOrder: String] = Dictionary(uniqueKeysWithValues: ThreadOrder.allCases.map { ($0, threadsPage($0)) })

    /// Every stored column of the thread `?1` in community `?2`, in ``SQLiteRecords/threadColumns`` order.
    static let storedThread = "SELECT \(SQLiteRecords.threadColumns) FROM threads WHERE id = ?1 AND community_id = ?2"

    /// The thread updates that assign only the columns that changed. SQLite rewrites the entries
    /// of every index over an assigned column, changed or not, so assigning only what changed
    /// keeps a reply from touching the listing indexes of keys it does not move.
    static let threadUpdates = PartialUpdateStatements(table: "threads", columns: SQLiteRecords.threadColumns)

    /// Replaces every column of the post `?1` (parameters in ``SQLiteRecords/postColumns`` order).
    static let updatePost = "UPDATE posts SET \(assignments(SQLiteRecords.postColumns)) WHERE id = ?1"

    /// `b = ?2, c = ?3, …` for the columns `a, b, c, …` (the first, the key, is not assigned).
    static func assignments(_ columns: String) -> String {
        let names = columns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        return names.enumerated().dropFirst().map { "\($0.element) = ?\($0.offset + 1)" }.joined(separator: ", ")
    }

    static let threadByID = "SELECT \(SQLiteRecords.threadReadColumns) FROM threads WHERE id = ?1 AND community_id = ?2"

    static let pinnedThreads =
        "SELECT \(SQLiteRecords.threadReadColumns) FROM threads WHERE space_id = ?1 AND pin_order IS NOT NULL AND deleted_at IS NULL ORDER BY pin_order, id"

    static let postsForward =
        "SELECT \(SQLiteRecords.postReadColumns) FROM posts WHERE thread_id = ?1 AND number > ?2 ORDER BY number LIMIT ?3"

    static let postsBackward =
        "SELECT \(SQLiteRecords.postReadColumns) FROM posts WHERE thread_id = ?1 AND number < ?2 ORDER BY number DESC LIMIT ?3"

    /// Every space read mark of the member `?1` (a prefix of the primary key).
    static let spaceReadMarksOfMember =
        "SELECT space_id, read_up_to FROM space_read_marks WHERE member_id = ?1"

    /// The unread threads and posts of member `?1` in space `?2`: threads not deleted, active
    /// after `?4` (a date), beyond the member's read marker. `?3` is the listing key of `?4`
    /// (``UnreadTally/listingKey(_:)``, at most every qualifying key), so the range on the
    /// `threads_by_activity` index reads only threads active since the mark.
    static let unreadTally = """
        SELECT count(*), coalesce(sum(t.last_post_number - coalesce(r.last_read_number, 0)), 0)
        FROM threads t LEFT JOIN read_markers r ON r.member_id = ?1 AND r.thread_id = t.id
        WHERE t.space_id = ?2 AND t.deleted_at IS NULL AND t.last_activity_ms >= ?3 AND t.last_activity_at > ?4
            AND t.last_post_number > coalesce(r.last_read_number, 0)
        """

    /// Before inserting post `?1` as number `?3` of thread `?2` in community `?4`: whether the
    /// id is taken, whether the number is taken, and the thread's title (NULL: no such thread).
    static let postInsertChecks = """
        SELECT (SELECT 1 FROM posts WHERE id = ?1), (SELECT 1 FROM posts WHERE thread_id = ?2 AND number = ?3),
            (SELECT title FROM threads WHERE id = ?2 AND community_id = ?4)
        """

    static let insertPost =
        "INSERT INTO posts (\(SQLiteRecords.postColumns)) VALUES (\(SQLiteRecords.placeholders(SQLiteRecords.postColumnCount)))"

    static let revisionsOfPost =
        "SELECT \(SQLiteRecords.revisionColumns) FROM post_revisions WHERE post_id = ?1 ORDER BY seq"

    static let postCountByAuthorSince =
        "SELECT count(*) FROM posts WHERE author_id = ?1 AND created_at >= ?2"

    static let lastPostDateInSpace =
        "SELECT max(created_at) FROM posts WHERE author_id = ?1 AND space_id = ?2"

    static let reactionsOfMemberOnPost =
        "SELECT \(SQLiteRecords.reactionColumns) FROM reactions WHERE post_id = ?1 AND member_id = ?2 ORDER BY emoji"

    static let followersPage =
        "SELECT member_id FROM follows WHERE target_kind = ?1 AND target_id = ?2 AND member_id > ?3 ORDER BY member_id LIMIT ?4"

    /// Parameters: `?1` member, `?2` strictly-before bound, `?3` limit.
    static let inboxPage =
        "SELECT \(SQLiteRecords.inboxItemColumns) FROM inbox_items WHERE member_id = ?1 AND id < ?2 ORDER BY id DESC LIMIT ?3"

    static let unreadInboxPage =
        "SELECT \(SQLiteRecords.inboxItemColumns) FROM inbox_items WHERE member_id = ?1 AND read_at IS NULL AND id < ?2 ORDER BY id DESC LIMIT ?3"

    static let unreadInboxCount =
        "SELECT count(*) FROM inbox_items WHERE member_id = ?1 AND read_at IS NULL"

    static let markInboxRead =
        "UPDATE inbox_items SET read_at = ?2 WHERE member_id = ?1 AND read_at IS NULL"

    static let flagsOfPost =
        "SELECT \(SQLiteRecords.flagColumns) FROM flags WHERE post_id = ?1 ORDER BY id"

    static let openFlagsPage =
        "SELECT \(SQLiteRecords.flagColumns) FROM flags WHERE community_id = ?1 AND resolution IS NULL AND id > ?2 ORDER BY id LIMIT ?3"

    // MARK: Events

    static let eventsPage =
        "SELECT \(SQLiteRecords.eventColumns) FROM events WHERE community_id = ?1 AND id > ?2 ORDER BY id LIMIT ?3"

    static let eventByID =
        "SELECT \(SQLiteRecords.eventColumns) FROM events WHERE id = ?1 AND community_id = ?2"

    /// Replaces every column of the event `?1` in community `?2` (parameters in
    /// ``SQLiteRecords/eventColumns`` order); an event never moves to another community.
    static let updateEvent = "UPDATE events SET \(assignments(SQLiteRecords.eventColumns)) WHERE id = ?1 AND community_id = ?2"

    static let rsvpLookup =
        "SELECT \(SQLiteRecords.rsvpColumns) FROM event_rsvps WHERE event_id = ?1 AND occurrence = ?2 AND member_id = ?3"

    /// Stores or replaces the RSVP of (event, occurrence, member) (parameters in ``SQLiteRecords/rsvpColumns`` order).
    static let upsertRSVP = """
        INSERT INTO event_rsvps (\(SQLiteRecords.rsvpColumns)) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
        ON CONFLICT (event_id, occurrence, member_id) DO UPDATE SET
            community_id = excluded.community_id, response = excluded.response, seat = excluded.seat,
            waitlist_number = excluded.waitlist_number, responded_at = excluded.responded_at, updated_at = excluded.updated_at
        """

    static let seatsLookup =
        "SELECT \(SQLiteRecords.seatsColumns) FROM occurrence_seats WHERE event_id = ?1 AND occurrence = ?2"

    /// Stores or replaces an occurrence's counters (parameters in ``SQLiteRecords/seatsColumns`` order).
    static let upsertSeats = """
        INSERT INTO occurrence_seats (\(SQLiteRecords.seatsColumns)) VALUES (?1, ?2, ?3, ?4, ?5)
        ON CONFLICT (event_id, occurrence) DO UPDATE SET
            confirmed = excluded.confirmed, waitlisted = excluded.waitlisted, next_waitlist_number = excluded.next_waitlist_number
        """

    /// The first `?3` waitlisted RSVPs of an occurrence in promotion order, on the partial index `event_rsvps_waitlist`.
    static let waitlist = """
        SELECT \(SQLiteRecords.rsvpColumns) FROM event_rsvps
        WHERE event_id = ?1 AND occurrence = ?2 AND seat = 'waitlisted' AND waitlist_number IS NOT NULL
        ORDER BY waitlist_number, member_id LIMIT ?3
        """

    /// A page of an occurrence's RSVPs with response `?3`, strictly after member `?4`, in member order.
    /// `INDEXED BY`: without statistics the planner prefers the primary key (already in member
    /// order) and would filter every answer of the occurrence; the response index reads only the page.
    static let rsvpsByResponse = """
        SELECT \(SQLiteRecords.rsvpColumns) FROM event_rsvps INDEXED BY event_rsvps_by_response
        WHERE event_id = ?1 AND occurrence = ?2 AND response = ?3 AND member_id > ?4
        ORDER BY member_id LIMIT ?5
        """

    static let reminderReceiptLookup =
        "SELECT \(SQLiteRecords.reminderReceiptColumns) FROM reminder_receipts WHERE event_id = ?1 AND occurrence = ?2 AND member_id = ?3 AND offset_seconds = ?4"

    static let deleteReminderReceipt =
        "DELETE FROM reminder_receipts WHERE event_id = ?1 AND occurrence = ?2 AND member_id = ?3 AND offset_seconds = ?4"

    // MARK: Live sessions

    static let liveStateLookup =
        "SELECT \(SQLiteRecords.liveStateColumns) FROM occurrence_live_states WHERE event_id = ?1 AND occurrence = ?2"

    /// Every attendance session of an occurrence, by member then number (the primary key's order).
    static let attendanceOfOccurrence =
        "SELECT \(SQLiteRecords.attendanceColumns) FROM attendance_sessions WHERE event_id = ?1 AND occurrence = ?2 ORDER BY member_id, number"

    static let attendanceOfMember = """
        SELECT \(SQLiteRecords.attendanceColumns) FROM attendance_sessions
        WHERE event_id = ?1 AND occurrence = ?2 AND member_id = ?3 ORDER BY number
        """

    static let liveQuestionsOfOccurrence =
        "SELECT \(SQLiteRecords.liveQuestionColumns) FROM live_questions WHERE event_id = ?1 AND occurrence = ?2 ORDER BY id"

    static let pollsOfOccurrence =
        "SELECT \(SQLiteRecords.pollColumns) FROM polls WHERE event_id = ?1 AND occurrence = ?2 ORDER BY id"

    /// Every override of an event, by occurrence key (the primary key's order).
    static let overridesOfEvent =
        "SELECT \(SQLiteRecords.overrideColumns) FROM occurrence_overrides WHERE event_id = ?1 ORDER BY occurrence"

    /// The best-ranked documents of a full-text query, FTS5 alone: `?1` the FTS5 query
    /// (``ftsQuery(_:)``), `?2` how many. `rank` is `bm25(post_search)` (lower is better), sorted
    /// inside FTS5 as the raw peer does; ties at the cut are settled by ``searchFilter``'s caller.
    static let searchCandidates =
        "SELECT rowid, bm25(post_search) FROM post_search WHERE post_search MATCH ?1 ORDER BY rank LIMIT ?2"

    /// Which candidate documents a viewer may see: `?1` the candidates' `seq` as a JSON array,
    /// `?2` community, `?3` the spaces as a JSON array of upper-case hex ids. Posts of deleted
    /// threads (still indexed) are left out here; deleted and hidden posts have no document.
    static let searchFilter = """
        SELECT p.seq, p.id, p.thread_id, p.space_id
        FROM posts p JOIN threads t ON t.id = p.thread_id
        WHERE p.seq IN (SELECT value FROM json_each(?1)) AND p.community_id = ?2 AND t.deleted_at IS NULL
            AND hex(p.space_id) IN (SELECT value FROM json_each(?3))
        """

    /// The FTS5 query of a search: every term a quoted phrase (implicitly AND-ed), the last one a
    /// prefix — `"term1" "term2" "term3"*`. Terms are ``SearchText`` tokens (letters and digits
    /// only); quotes are doubled anyway, so no FTS5 syntax from user input reaches SQLite.
    static func ftsQuery(_ query: SearchQuery) -> String {
        func quoted(_ term: String) -> String { "\"" + term.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        return (query.exactTerms.map(quoted) + [quoted(query.prefixTerm) + "*"]).joined(separator: " ")
    }

    /// A directory search over `termCount` terms. Parameters: `?1` community, `?2` cursor, then
    /// for each term its lower and upper bound, then the limit. Each term is a range scan of the
    /// `member_tokens` primary key (`token >= term AND token < successor`); the terms' member
    /// sets are intersected, paged, and joined to `members` by primary key.
    static func directorySearch(termCount: Int) -> String {
        var arms: [String] = []
        for index in 0..<termCount {
            let lower = 3 + 2 * index
            arms.append(
                "SELECT member_id FROM member_tokens WHERE community_id = ?1 AND token >= ?\(lower) AND token < ?\(lower + 1) AND member_id > ?2")
        }
        let limit = 3 + 2 * termCount
        return """
            SELECT \(SQLiteRecords.memberColumns) FROM members
            WHERE id IN (\(arms.joined(separator: " INTERSECT ")) ORDER BY 1 LIMIT ?\(limit)) AND community_id = ?1
            ORDER BY id
            """
    }
}
