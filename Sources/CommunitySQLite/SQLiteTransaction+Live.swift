import CommunityCore
import Foundation

/// Live sessions over the migration-3 tables, mirroring the in-memory backend: attendance by
/// member then number, questions and polls of an occurrence in id (creation) order, lookups by id
/// scoped to the community, one upvote and one set of poll choices per member (`conflict` with
/// field `question` or `poll` for a second).
extension SQLiteTransaction: LiveWriteTransaction {
    // MARK: Reads

    func liveState(of event: EventID, occurrence: String) async throws -> OccurrenceLiveState? {
        try run { db in try db.queryFirst(SQLiteQueries.liveStateLookup, [.id(event), .text(occurrence)], row: SQLiteRecords.liveState) }
    }

    func attendanceSessions(of event: EventID, occurrence: String) async throws -> [AttendanceSession] {
        try run { db in try db.query(SQLiteQueries.attendanceOfOccurrence, [.id(event), .text(occurrence)], row: SQLiteRecords.attendance) }
    }

    func attendanceSessions(of event: EventID, occurrence: String, member: MemberID) async throws -> [AttendanceSession] {
        try run { db in
            try db.query(SQLiteQueries.attendanceOfMember, [.id(event), .text(occurrence), .id(member)], row: SQLiteRecords.attendance)
        }
    }

    func liveQuestion(_ id: LiveQuestionID, in community: CommunityID) async throws -> LiveQuestion? {
        try run { db in
            try db.queryFirst(
                "SELECT \(SQLiteRecords.liveQuestionColumns) FROM live_questions WHERE id = ? AND community_id = ?",
                [.id(id), .id(community)], row: SQLiteRecords.liveQuestion)
        }
    }

    func liveQuestions(of event: EventID, occurrence: String) async throws -> [LiveQuestion] {
        try run { db in try db.query(SQLiteQueries.liveQuestionsOfOccurrence, [.id(event), .text(occurrence)], row: SQLiteRecords.liveQuestion) }
    }

    func hasUpvoted(_ question: LiveQuestionID, member: MemberID) async throws -> Bool {
        try run { db in
            try Self.exists(db, "SELECT 1 FROM live_question_upvotes WHERE question_id = ? AND member_id = ?", [.id(question), .id(member)])
        }
    }

    func poll(_ id: PollID, in community: CommunityID) async throws -> Poll? {
        try run { db in
            try db.queryFirst(
                "SELECT \(SQLiteRecords.pollColumns) FROM polls WHERE id = ? AND community_id = ?", [.id(id), .id(community)],
                row: SQLiteRecords.poll)
        }
    }

    func polls(of event: EventID, occurrence: String) async throws -> [Poll] {
        try run { db in try db.query(SQLiteQueries.pollsOfOccurrence, [.id(event), .text(occurrence)], row: SQLiteRecords.poll) }
    }

    func pollChoices(_ poll: PollID, member: MemberID) async throws -> [Int]? {
        try run { db in
            try db.queryFirst("SELECT choices FROM poll_choices WHERE poll_id = ? AND member_id = ?", [.id(poll), .id(member)]) { row in
                try SQLiteRecords.json([Int].self, row, 0, field: "poll_choices.choices")
            }
        }
    }

    // MARK: Writes

    func upsert(_ state: OccurrenceLiveState) async throws {
        let values = SQLiteRecords.values(state)
        try runWrite { db in
            try db.execute(
                """
                INSERT INTO occurrence_live_states (\(SQLiteRecords.liveStateColumns)) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (event_id, occurrence) DO UPDATE SET started_at = excluded.started_at, ended_at = excluded.ended_at
                """, values)
        }
    }

    func upsert(_ session: AttendanceSession) async throws {
        let values = SQLiteRecords.values(session)
        try runWrite { db in
            try db.execute(
                """
                INSERT INTO attendance_sessions (\(SQLiteRecords.attendanceColumns)) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                ON CONFLICT (event_id, occurrence, member_id, number) DO UPDATE SET joined_at = excluded.joined_at, left_at = excluded.left_at
                """, values)
        }
    }

    func upsert(_ question: LiveQuestion) async throws {
        let values = SQLiteRecords.values(question)
        try runWrite { db in
            try db.execute(
                """
                INSERT INTO live_questions (\(SQLiteRecords.liveQuestionColumns)) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                ON CONFLICT (id) DO UPDATE SET community_id = excluded.community_id, event_id = excluded.event_id,
                    occurrence = excluded.occurrence, asked_by = excluded.asked_by, text = excluded.text, votes = excluded.votes,
                    answered_at = excluded.answered_at, created_at = excluded.created_at
                """, values)
        }
    }

    func insertUpvote(_ question: LiveQuestionID, member: MemberID) async throws {
        try runWrite { db in
            try Self.rethrowing({
                try db.execute("INSERT INTO live_question_upvotes (question_id, member_id) VALUES (?, ?)", [.id(question), .id(member)])
            }, unique: [
                ("live_question_upvotes.member_id", .conflict("the member already upvoted this question", field: "question")),
            ])
        }
    }

    func upsert(_ poll: Poll) async throws {
        let values = try SQLiteRecords.values(poll)
        try runWrite { db in
            try db.execute(
                """
                INSERT INTO polls (\(SQLiteRecords.pollColumns)) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                ON CONFLICT (id) DO UPDATE SET community_id = excluded.community_id, event_id = excluded.event_id,
                    occurrence = excluded.occurrence, question = excluded.question, options = excluded.options,
                    multiple_choice = excluded.multiple_choice, counts = excluded.counts, voters = excluded.voters,
                    closed_at = excluded.closed_at, created_at = excluded.created_at
                """, values)
        }
    }

    func insertPollChoices(_ poll: PollID, member: MemberID, choices: [Int]) async throws {
        let encoded = try SQLiteRecords.json(choices)
        try runWrite { db in
            try Self.rethrowing({
                try db.execute("INSERT INTO poll_choices (poll_id, member_id, choices) VALUES (?, ?, ?)", [.id(poll), .id(member), encoded])
            }, unique: [
                ("poll_choices.member_id", .conflict("the member already voted in this poll", field: "poll")),
            ])
        }
    }
}
