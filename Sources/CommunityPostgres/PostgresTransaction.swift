#if Postgres
import CommunityCore
import Foundation
import PostgresNIO

/// A transaction on one pooled connection: `REPEATABLE READ READ ONLY` for reads, `SERIALIZABLE`
/// for writes. The store begins and ends it; this object runs the statements, remembers the
/// first failure (after which PostgreSQL refuses every statement of the transaction) and refuses
/// to run after the body returned.
final class PostgresTransaction {
    private let connection: PostgresConnection
    private let isWritable: Bool
    /// The advisory lock key serializing activity appends.
    let appendLockKey: Int64
    /// The channel notified of appended activities.
    let channel: String
    private var isOpen = true
    /// The sequence of the last activity appended, to wake this instance's waiters after commit.
    private(set) var lastAppendedSequence: Int64?
    /// The first statement failure: the store rolls back (and retries when it is a serialization
    /// failure or a deadlock) even if the body caught it.
    private(set) var failure: (any Error)?

    static let logger = Logger(label: "CommunityPostgres")

    init(connection: PostgresConnection, isWritable: Bool, appendLockKey: Int64, channel: String) {
        self.connection = connection
        self.isWritable = isWritable
        self.appendLockKey = appendLockKey
        self.channel = channel
    }

    /// Ends the transaction object's life: later calls throw.
    func close() { isOpen = false }

    // MARK: Running statements

    /// Runs `query` and returns its rows; a failure is remembered and thrown as a ``CommunityError``.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        guard isOpen else {
            throw CommunityError(.storage, "a transaction was used after its body returned; keep the transaction inside its body")
        }
        if let failure { throw PostgresFailure.mapping(failure) }
        do {
            return try await PostgresFailure.rows(connection, query)
        } catch {
            failure = error
            throw PostgresFailure.mapping(error)
        }
    }

    /// Runs a statement that changes rows (ending in `RETURNING 1`): returns how many it changed.
    @discardableResult
    func write(_ query: PostgresQuery) async throws -> Int {
        try await writeRows(query).count
    }

    /// Runs a statement that changes rows and returns what it returns.
    func writeRows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        guard isWritable else { throw CommunityError(.storage, "a read transaction cannot write; use CommunityStore.write") }
        return try await rows(query)
    }

    /// Runs `query`, an `INSERT … ON CONFLICT DO NOTHING RETURNING 1`: one round trip where a
    /// key check and an insert took two. Throws `conflict` when the key was taken (nothing was
    /// written, and the transaction goes on).
    func insertNew(_ query: PostgresQuery, orThrow conflict: @autoclosure () -> CommunityError) async throws {
        guard try await write(query) > 0 else { throw conflict() }
    }

    /// Inserts or replaces the record of one occurrence in `table` (keyed by event and occurrence).
    /// Seats (events) and live states (live sessions) share it.
    func upsertOccurrenceRecord<R: Encodable>(_ record: R, table: String, event: EventID, occurrence: String) async throws {
        let body = try PostgresRecordCoding.encode(record)
        try await write("""
            INSERT INTO \(unescaped: table) (event_id, occurrence, body) VALUES (\(event.uuid), \(occurrence), \(body))
            ON CONFLICT (event_id, occurrence) DO UPDATE SET body = excluded.body RETURNING 1
            """)
    }

    /// Whether `query` returns a row.
    func exists(_ query: PostgresQuery) async throws -> Bool { try await !rows(query).isEmpty }

    /// The first column of the first row as an integer (`count(*)` and the like).
    func integer(_ query: PostgresQuery) async throws -> Int64 {
        guard let row = try await rows(query).first else { return 0 }
        return try Self.column(Int64?.self, row, table: "a count") ?? 0
    }

    /// The records whose JSON is the first column of each row.
    func records<T: Decodable>(_ type: T.Type, _ query: PostgresQuery, table: String) async throws -> [T] {
        try await rows(query).map { row in try PostgresRecordCoding.decode(type, try Self.column(Data.self, row, table: table), table: table) }
    }

    /// The first record of `records`.
    func record<T: Decodable>(_ type: T.Type, _ query: PostgresQuery, table: String) async throws -> T? {
        try await records(type, query, table: table).first
    }

    /// The row's single column, or a `storage` error naming the table.
    static func column<T: PostgresDecodable>(_ type: T.Type, _ row: PostgresRow, table: String) throws -> T {
        do {
            return try row.decode(type)
        } catch {
            throw CommunityError(.storage, "a row of \(table) has an unexpected column type: \(error)")
        }
    }

    /// The row's columns, or a `storage` error naming the table.
    static func columns<each C: PostgresDecodable>(_ types: (repeat each C).Type, _ row: PostgresRow, table: String) throws -> (repeat each C) {
        do {
            return try row.decode(types)
        } catch {
            throw CommunityError(.storage, "a row of \(table) has unexpected column types: \(error)")
        }
    }

    // MARK: Reads

    func community(_ id: CommunityID) async throws -> Community? {
        try await record(Community.self, "SELECT body FROM communities WHERE id = \(id.uuid)", table: "communities")
    }

    func community(slug: String) async throws -> Community? {
        try await record(Community.self, "SELECT body FROM communities WHERE slug = \(slug)", table: "communities")
    }

    func member(_ id: MemberID, in community: CommunityID) async throws -> Member? {
        try await record(Member.self, "SELECT body FROM members WHERE id = \(id.uuid) AND community_id = \(community.uuid)", table: "members")
    }

    func member(handle: String, in community: CommunityID) async throws -> Member? {
        try await record(Member.self, "SELECT body FROM members WHERE community_id = \(community.uuid) AND handle = \(handle)", table: "members")
    }

    func members(in community: CommunityID, after: MemberID?, limit: Int) async throws -> [Member] {
        try await records(Member.self, """
            SELECT body FROM members WHERE community_id = \(community.uuid) AND id > \(Self.cursor(after))
            ORDER BY id LIMIT \(max(0, limit))
            """, table: "members")
    }

    func members(in community: CommunityID, matching query: DirectoryQuery, after: MemberID?, limit: Int) async throws -> [Member] {
        guard !query.terms.isEmpty, limit > 0 else { return [] }
        var binds = PostgresBindings()
        binds.append(community.uuid)
        binds.append(Self.cursor(after))
        var arms: [String] = []
        for term in query.terms {
            binds.append(term)
            let lower = binds.count
            if let upper = SearchText.prefixUpperBound(term) {
                binds.append(upper)
                arms.append("SELECT member_id FROM member_tokens WHERE community_id = $1 AND token >= $\(lower) AND token < $\(lower + 1) AND member_id > $2")
            } else {
                arms.append("SELECT member_id FROM member_tokens WHERE community_id = $1 AND token >= $\(lower) AND member_id > $2")
            }
        }
        binds.append(limit)
        let sql = """
            SELECT body FROM members WHERE community_id = $1 AND id IN (\(arms.joined(separator: " INTERSECT ")))
            ORDER BY id LIMIT $\(binds.count)
            """
        return try await records(Member.self, PostgresQuery(unsafeSQL: sql, binds: binds), table: "members")
    }

    func memberCount(in community: CommunityID, role: Role?) async throws -> Int {
        if let role {
            return Int(try await integer("SELECT count(*) FROM members WHERE community_id = \(community.uuid) AND role = \(role.rawValue)"))
        }
        return Int(try await integer("SELECT count(*) FROM members WHERE community_id = \(community.uuid)"))
    }

    func space(_ id: SpaceID, in community: CommunityID) async throws -> Space? {
        try await record(Space.self, "SELECT body FROM spaces WHERE id = \(id.uuid) AND community_id = \(community.uuid)", table: "spaces")
    }

    func space(slug: String, in community: CommunityID) async throws -> Space? {
        try await record(Space.self, "SELECT body FROM spaces WHERE community_id = \(community.uuid) AND slug = \(slug)", table: "spaces")
    }

    func spaces(in community: CommunityID, after: SpaceID?, limit: Int) async throws -> [Space] {
        try await records(Space.self, """
            SELECT body FROM spaces WHERE community_id = \(community.uuid) AND id > \(Self.cursor(after)) ORDER BY id LIMIT \(max(0, limit))
            """, table: "spaces")
    }

    func membership(of member: MemberID, in space: SpaceID) async throws -> Membership? {
        try await record(Membership.self, "SELECT body FROM memberships WHERE space_id = \(space.uuid) AND member_id = \(member.uuid)",
                         table: "memberships")
    }

    func memberships(in space: SpaceID, after: MemberID?, limit: Int) async throws -> [Membership] {
        try await records(Membership.self, """
            SELECT body FROM memberships WHERE space_id = \(space.uuid) AND member_id > \(Self.cursor(after))
            ORDER BY member_id LIMIT \(max(0, limit))
            """, table: "memberships")
    }

    func memberships(of member: MemberID, after: SpaceID?, limit: Int) async throws -> [Membership] {
        try await records(Membership.self, """
            SELECT body FROM memberships WHERE member_id = \(member.uuid) AND space_id > \(Self.cursor(after))
            ORDER BY space_id LIMIT \(max(0, limit))
            """, table: "memberships")
    }

    func invitation(token: String) async throws -> Invitation? {
        try await record(Invitation.self, "SELECT body FROM invitations WHERE token = \(token)", table: "invitations")
    }

    func invitation(_ id: InvitationID, in community: CommunityID) async throws -> Invitation? {
        try await record(Invitation.self, "SELECT body FROM invitations WHERE id = \(id.uuid) AND community_id = \(community.uuid)",
                         table: "invitations")
    }

    func joinRequest(_ id: JoinRequestID, in community: CommunityID) async throws -> JoinRequest? {
        try await record(JoinRequest.self, "SELECT body FROM join_requests WHERE id = \(id.uuid) AND community_id = \(community.uuid)",
                         table: "join_requests")
    }

    func pendingJoinRequest(of member: MemberID, in space: SpaceID) async throws -> JoinRequest? {
        try await record(JoinRequest.self, """
            SELECT body FROM join_requests WHERE space_id = \(space.uuid) AND member_id = \(member.uuid) AND state = 'pending'
            """, table: "join_requests")
    }

    func joinRequests(in space: SpaceID, state: JoinRequest.State, after: JoinRequestID?, limit: Int) async throws -> [JoinRequest] {
        try await records(JoinRequest.self, """
            SELECT body FROM join_requests WHERE space_id = \(space.uuid) AND state = \(state.rawValue) AND id > \(Self.cursor(after))
            ORDER BY id LIMIT \(max(0, limit))
            """, table: "join_requests")
    }

    func activities(in community: CommunityID, after sequence: Int64, limit: Int) async throws -> [Activity] {
        try await activities("""
            SELECT sequence, body FROM activities WHERE community_id = \(community.uuid) AND sequence > \(sequence)
            ORDER BY sequence LIMIT \(max(0, limit))
            """)
    }

    func activities(inSpace space: SpaceID, of community: CommunityID, after sequence: Int64, limit: Int) async throws -> [Activity] {
        try await activities("""
            SELECT sequence, body FROM activities WHERE space_id = \(space.uuid) AND community_id = \(community.uuid)
                AND sequence > \(sequence) ORDER BY sequence LIMIT \(max(0, limit))
            """)
    }

    private func activities(_ query: PostgresQuery) async throws -> [Activity] {
        try await rows(query).map { row in
            let (sequence, body) = try Self.columns((Int64, Data).self, row, table: "activities")
            var activity = try PostgresRecordCoding.decode(Activity.self, body, table: "activities")
            activity.sequence = sequence
            return activity
        }
    }

    func lastActivitySequence() async throws -> Int64 {
        try await integer("SELECT coalesce(max(sequence), 0) FROM activities")
    }

    // MARK: Helpers

    /// The cursor of a paged query: `nil` (first page) is before every identifier.
    static func cursor<S>(_ id: Identifier<S>?) -> UUID {
        id?.uuid ?? UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
    }

    /// The cursor of a descending query: `nil` (first page) is after every identifier.
    static func descendingCursor<S>(_ id: Identifier<S>?) -> UUID {
        id?.uuid ?? UUID(uuid: (255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255))
    }

    func recordAppend(_ sequence: Int64) {
        lastAppendedSequence = sequence
    }
}
#endif
