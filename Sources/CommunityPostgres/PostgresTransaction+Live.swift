#if Postgres
import CommunityCore
import Foundation
import PostgresNIO

/// Live sessions: live state, attendance, questions with one upvote per member, polls with one
/// set of choices per member.
extension PostgresTransaction: LiveWriteTransaction {
    func liveState(of event: EventID, occurrence: String) async throws -> OccurrenceLiveState? {
        try await record(OccurrenceLiveState.self, """
            SELECT body FROM occurrence_live_states WHERE event_id = \(event.uuid) AND occurrence = \(occurrence)
            """, table: "occurrence_live_states")
    }

    func attendanceSessions(of event: EventID, occurrence: String) async throws -> [AttendanceSession] {
        try await records(AttendanceSession.self, """
            SELECT body FROM attendance_sessions WHERE event_id = \(event.uuid) AND occurrence = \(occurrence) ORDER BY member_id, number
            """, table: "attendance_sessions")
    }

    func attendanceSessions(of event: EventID, occurrence: String, member: MemberID) async throws -> [AttendanceSession] {
        try await records(AttendanceSession.self, """
            SELECT body FROM attendance_sessions WHERE event_id = \(event.uuid) AND occurrence = \(occurrence) AND member_id = \(member.uuid)
            ORDER BY number
            """, table: "attendance_sessions")
    }

    func liveQuestion(_ id: LiveQuestionID, in community: CommunityID) async throws -> LiveQuestion? {
        try await record(LiveQuestion.self, "SELECT body FROM live_questions WHERE id = \(id.uuid) AND community_id = \(community.uuid)",
                         table: "live_questions")
    }

    func liveQuestions(of event: EventID, occurrence: String) async throws -> [LiveQuestion] {
        try await records(LiveQuestion.self, """
            SELECT body FROM live_questions WHERE event_id = \(event.uuid) AND occurrence = \(occurrence) ORDER BY id
            """, table: "live_questions")
    }

    func hasUpvoted(_ question: LiveQuestionID, member: MemberID) async throws -> Bool {
        try await exists("SELECT 1 FROM live_question_upvotes WHERE question_id = \(question.uuid) AND member_id = \(member.uuid)")
    }

    func poll(_ id: PollID, in community: CommunityID) async throws -> Poll? {
        try await record(Poll.self, "SELECT body FROM polls WHERE id = \(id.uuid) AND community_id = \(community.uuid)", table: "polls")
    }

    func polls(of event: EventID, occurrence: String) async throws -> [Poll] {
        try await records(Poll.self, "SELECT body FROM polls WHERE event_id = \(event.uuid) AND occurrence = \(occurrence) ORDER BY id",
                          table: "polls")
    }

    func pollChoices(_ poll: PollID, member: MemberID) async throws -> [Int]? {
        try await record([Int].self, "SELECT choices FROM poll_choices WHERE poll_id = \(poll.uuid) AND member_id = \(member.uuid)",
                         table: "poll_choices")
    }

    func upsert(_ state: OccurrenceLiveState) async throws {
        try await upsertOccurrenceRecord(state, table: "occurrence_live_states", event: state.eventID, occurrence: state.occurrence)
    }

    /// Inserts or replaces a record of a live occurrence in `table` (keyed by its id).
    private func upsertLiveRecord<R: Encodable>(_ record: R, table: String, id: UUID, community: CommunityID, event: EventID,
                                                occurrence: String) async throws {
        let body = try PostgresRecordCoding.encode(record)
        try await write("""
            INSERT INTO \(unescaped: table) (id, community_id, event_id, occurrence, body)
            VALUES (\(id), \(community.uuid), \(event.uuid), \(occurrence), \(body))
            ON CONFLICT (id) DO UPDATE SET community_id = excluded.community_id, event_id = excluded.event_id,
                occurrence = excluded.occurrence, body = excluded.body
            RETURNING 1
            """)
    }

    func upsert(_ session: AttendanceSession) async throws {
        let body = try PostgresRecordCoding.encode(session)
        try await write("""
            INSERT INTO attendance_sessions (event_id, occurrence, member_id, number, body)
            VALUES (\(session.eventID.uuid), \(session.occurrence), \(session.memberID.uuid), \(session.number), \(body))
            ON CONFLICT (event_id, occurrence, member_id, number) DO UPDATE SET body = excluded.body RETURNING 1
            """)
    }

    func upsert(_ question: LiveQuestion) async throws {
        try await upsertLiveRecord(
            question, table: "live_questions", id: question.id.uuid, community: question.communityID, event: question.eventID,
            occurrence: question.occurrence)
    }

    func insertUpvote(_ question: LiveQuestionID, member: MemberID) async throws {
        try await insertNew(
            "INSERT INTO live_question_upvotes (question_id, member_id) VALUES (\(question.uuid), \(member.uuid)) ON CONFLICT DO NOTHING RETURNING 1",
            orThrow: .conflict("the member already upvoted this question", field: "question"))
    }

    func upsert(_ poll: Poll) async throws {
        try await upsertLiveRecord(
            poll, table: "polls", id: poll.id.uuid, community: poll.communityID, event: poll.eventID, occurrence: poll.occurrence)
    }

    func insertPollChoices(_ poll: PollID, member: MemberID, choices: [Int]) async throws {
        let encoded = try PostgresRecordCoding.encode(choices)
        try await insertNew(
            "INSERT INTO poll_choices (poll_id, member_id, choices) VALUES (\(poll.uuid), \(member.uuid), \(encoded)) ON CONFLICT DO NOTHING RETURNING 1",
            orThrow: .conflict("the member already voted in this poll", field: "poll"))
    }
}
#endif
