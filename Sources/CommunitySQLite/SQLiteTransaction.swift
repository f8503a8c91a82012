import CommunityCore

/// A transaction over one connection: a reader's deferred snapshot or the writer's
/// `BEGIN IMMEDIATE` transaction. The store begins and ends it; this object only runs the
/// statements, and refuses to run after the body returned.
final class SQLiteTransaction: StoreWriteTransaction {
    private let connection: SQLiteConnection
    private let isWritable: Bool
    private var isOpen = true
    /// The sequence of the last activity appended, to wake real-time waiters after commit.
    private(set) var lastAppendedSequence: Int64?
    /// A storage failure the body may have caught: the store rolls back instead of committing.
    private(set) var failure: CommunityError?

    init(connection: SQLiteConnection, isWritable: Bool) {
        self.connection = connection
        self.isWritable = isWritable
    }

    /// Ends the transaction object's life: later calls throw.
    func close() { isOpen = false }

    // MARK: Running statements

    /// Runs `body` on the connection, mapping SQLite errors to ``CommunityError``. A failure
    /// other than a constraint violation (which SQLite undoes statement by statement) poisons
    /// the transaction, so a body that swallows it still cannot commit a partial write.
    @discardableResult
    func run<R: Sendable>(_ body: (SQLiteDatabase) throws -> R) throws -> R {
        guard isOpen else {
            throw CommunityError(.storage, "a transaction was used after its body returned; keep the transaction inside its body")
        }
        do {
            return try connection.withDatabase(body)
        } catch let error as SQLiteError {
            let mapped = error.communityError
            if !error.isConstraint { failure = mapped }
            throw mapped
        }
    }

    @discardableResult
    func runWrite<R: Sendable>(_ body: (SQLiteDatabase) throws -> R) throws -> R {
        guard isWritable else {
            throw CommunityError(.storage, "a read transaction cannot write; use CommunityStore.write")
        }
        return try run(body)
    }

    /// The ``CommunityError`` for a unique violation, chosen by the columns SQLite names.
    static func uniqueViolation(_ error: SQLiteError, _ cases: [(columns: String, error: CommunityError)]) -> CommunityError? {
        guard error.isUniqueViolation else { return nil }
        for candidate in cases where error.message.hasSuffix(candidate.columns) { return candidate.error }
        return nil
    }

    @discardableResult
    static func rethrowing<R>(_ body: () throws -> R, unique cases: [(columns: String, error: CommunityError)]) throws -> R {
        do {
            return try body()
        } catch let error as SQLiteError {
            if let mapped = uniqueViolation(error, cases) { throw mapped }
            throw error
        }
    }

    // MARK: Reads

    func community(_ id: CommunityID) async throws -> Community? {
        try run { db in
            try db.queryFirst("SELECT \(SQLiteRecords.communityColumns) FROM communities WHERE id = ?", [.id(id)], row: SQLiteRecords.community)
        }
    }

    func community(slug: String) async throws -> Community? {
        try run { db in
            try db.queryFirst("SELECT \(SQLiteRecords.communityColumns) FROM communities WHERE slug = ?", [.text(slug)], row: SQLiteRecords.community)
        }
    }

    func member(_ id: MemberID, in community: CommunityID) async throws -> Member? {
        try run { db in
            try db.queryFirst(
                "SELECT \(SQLiteRecords.memberColumns) FROM members WHERE id = ? AND community_id = ?",
                [.id(id), .id(community)], row: SQLiteRecords.member)
        }
    }

    func member(handle: String, in community: CommunityID) async throws -> Member? {
        try run { db in
            try db.queryFirst(
                "SELECT \(SQLiteRecords.memberColumns) FROM members WHERE community_id = ? AND handle = ?",
                [.id(community), .text(handle)], row: SQLiteRecords.member)
        }
    }

    func members(in community: CommunityID, after: MemberID?, limit: Int) async throws -> [Member] {
        try run { db in
            try db.query(
                SQLiteQueries.membersPage, [.id(community), .cursor(after), .integer(Int64(max(0, limit)))],
                row: SQLiteRecords.member)
        }
    }

    func members(in community: CommunityID, matching query: DirectoryQuery, after: MemberID?, limit: Int) async throws -> [Member] {
        let terms = query.terms
        guard !terms.isEmpty, limit > 0 else { return [] }
        return try run { db in
            var bindings: [SQLiteValue] = [.id(community), .cursor(after)]
            for term in terms {
                bindings.append(.text(term))
                // No successor (a term of U+10FFFF only): a blob bound, since every TEXT sorts before every BLOB.
                bindings.append(SearchText.prefixUpperBound(term).map { .text($0) } ?? .emptyBlob)
            }
            bindings.append(.integer(Int64(limit)))
            return try db.query(SQLiteQueries.directorySearch(termCount: terms.count), bindings, row: SQLiteRecords.member)
        }
    }

    func memberCount(in community: CommunityID, role: Role?) async throws -> Int {
        try run { db in
            let count: Int64?
            if let role {
                count = try db.queryFirst(
                    "SELECT count(*) FROM members WHERE community_id = ? AND role = ?", [.id(community), .text(role.rawValue)]) { $0.int64(0) }
            } else {
                count = try db.queryFirst("SELECT count(*) FROM members WHERE community_id = ?", [.id(community)]) { $0.int64(0) }
            }
            return Int(count ?? 0)
        }
    }

    func space(_ id: SpaceID, in community: CommunityID) async throws -> Space? {
        try run { db in
            try db.queryFirst(
                "SELECT \(SQLiteRecords.spaceColumns) FROM spaces WHERE id = ? AND community_id = ?",
                [.id(id), .id(community)], row: SQLiteRecords.space)
        }
    }

    func space(slug: String, in community: CommunityID) async throws -> Space? {
        try run { db in
            try db.queryFirst(
                "SELECT \(SQLiteRecords.spaceColumns) FROM spaces WHERE community_id = ? AND slug = ?",
                [.id(community), .text(slug)], row: SQLiteRecords.space)
        }
    }

    func spaces(in community: CommunityID, after: SpaceID?, limit: Int) async throws -> [Space] {
        try run { db in
            try db.query(
                SQLiteQueries.spacesPage, [.id(community), .cursor(after), .integer(Int64(max(0, limit)))],
                row: SQLiteRecords.space)
        }
    }

    func membership(of member: MemberID, in space: SpaceID) async throws -> Membership? {
        try run { db in
            try db.queryFirst(
                "SELECT \(SQLiteRecords.membershipColumns) FROM memberships WHERE space_id = ? AND member_id = ?",
                [.id(space), .id(member)], row: SQLiteRecords.membership)
        }
    }

    func memberships(in space: SpaceID, after: MemberID?, limit: Int) async throws -> [Membership] {
        try run { db in
            try db.query(
                SQLiteQueries.membershipsOfSpace, [.id(space), .cursor(after), .integer(Int64(max(0, limit)))],
                row: SQLiteRecords.membership)
        }
    }

    func memberships(of member: MemberID, after: SpaceID?, limit: Int) async throws -> [Membership] {
        try run { db in
            try db.query(
                SQLiteQueries.membershipsOfMember, [.id(member), .cursor(after), .integer(Int64(max(0, limit)))],
                row: SQLiteRecords.membership)
        }
    }

    func accessRecords(of member: MemberID, space: SpaceID, in community: CommunityID) async throws -> SpaceAccessRecords {
        try run { db in
            try db.queryFirst(SQLiteQueries.accessRecords, [.id(member), .id(space), .id(community)]) { row in
                let spaceRow = row.shifted(by: SQLiteRecords.memberColumnCount)
                let membershipRow = spaceRow.shifted(by: SQLiteRecords.spaceColumnCount)
                return SpaceAccessRecords(
                    member: row.isNull(0) ? nil : try SQLiteRecords.member(row),
                    space: spaceRow.isNull(0) ? nil : try SQLiteRecords.space(spaceRow),
                    membership: membershipRow.isNull(0) ? nil : try SQLiteRecords.membership(membershipRow))
            } ?? SpaceAccessRecords(member: nil, space: nil, membership: nil)
        }
    }

    func invitation(token: String) async throws -> Invitation? {
        try run { db in
            try db.queryFirst(
                "SELECT \(SQLiteRecords.invitationColumns) FROM invitations WHERE token = ?", [.text(token)],
                row: SQLiteRecords.invitation)
        }
    }

    func invitation(_ id: InvitationID, in community: CommunityID) async throws -> Invitation? {
        try run { db in
            try db.queryFirst(
                "SELECT \(SQLiteRecords.invitationColumns) FROM invitations WHERE id = ? AND community_id = ?",
                [.id(id), .id(community)], row: SQLiteRecords.invitation)
        }
    }

    func joinRequest(_ id: JoinRequestID, in community: CommunityID) async throws -> JoinRequest? {
        try run { db in
            try db.queryFirst(
                "SELECT \(SQLiteRecords.joinRequestColumns) FROM join_requests WHERE id = ? AND community_id = ?",
                [.id(id), .id(community)], row: SQLiteRecords.joinRequest)
        }
    }

    func pendingJoinRequest(of member: MemberID, in space: SpaceID) async throws -> JoinRequest? {
        try run { db in
            try db.queryFirst(
                "SELECT \(SQLiteRecords.joinRequestColumns) FROM join_requests WHERE space_id = ? AND member_id = ? AND state = 'pending'",
                [.id(space), .id(member)], row: SQLiteRecords.joinRequest)
        }
    }

    func joinRequests(in space: SpaceID, state: JoinRequest.State, after: JoinRequestID?, limit: Int) async throws -> [JoinRequest] {
        try run { db in
            try db.query(
                SQLiteQueries.joinRequestsPage,
                [.id(space), .text(state.rawValue), .cursor(after), .integer(Int64(max(0, limit)))],
                row: SQLiteRecords.joinRequest)
        }
    }

    func activities(in community: CommunityID, after sequence: Int64, limit: Int) async throws -> [Activity] {
        try run { db in
            try db.query(
                SQLiteQueries.activitiesOfCommunity, [.id(community), .integer(sequence), .integer(Int64(max(0, limit)))],
                row: SQLiteRecords.activity)
        }
    }

    func activities(inSpace space: SpaceID, of community: CommunityID, after sequence: Int64, limit: Int) async throws -> [Activity] {
        try run { db in
            try db.query(
                SQLiteQueries.activitiesOfSpace,
                [.id(space), .id(community), .integer(sequence), .integer(Int64(max(0, limit)))],
                row: SQLiteRecords.activity)
        }
    }

    func lastActivitySequence() async throws -> Int64 {
        try run { db in
            try db.queryFirst("SELECT coalesce(max(sequence), 0) FROM activities") { $0.int64(0) } ?? 0
        }
    }

    // MARK: Writes

    func insert(_ community: Community) async throws {
        let values = try SQLiteRecords.values(community)
        try runWrite { db in
            try Self.rethrowing({
                try db.execute(
                    "INSERT INTO communities (\(SQLiteRecords.communityColumns)) VALUES (?, ?, ?, ?, ?, ?, ?)", values)
            }, unique: [
                ("communities.id", .conflict("a community with id \(community.id) already exists", field: "id")),
                ("communities.slug", .conflict("the community slug '\(community.slug)' is already taken", field: "slug")),
            ])
        }
    }

    func update(_ community: Community) async throws {
        let values = try SQLiteRecords.values(community)
        let changed = try runWrite { db in
            try Self.rethrowing({
                try db.execute(
                    "UPDATE communities SET slug = ?2, name = ?3, description = ?4, branding = ?5, settings = ?6, created_at = ?7 WHERE id = ?1",
                    values)
            }, unique: [
                ("communities.slug", .conflict("the community slug '\(community.slug)' is already taken", field: "slug")),
            ])
        }
        guard changed > 0 else { throw CommunityError.notFound("no community with id \(community.id)", field: "id") }
    }

    func insert(_ member: Member) async throws {
        let values = try SQLiteRecords.values(member)
        let tokens = DirectoryQuery.indexTokens(of: member)
        try runWrite { db in
            guard try Self.exists(db, "SELECT 1 FROM communities WHERE id = ?", [.id(member.communityID)]) else {
                throw CommunityError.notFound("no community with id \(member.communityID)", field: "communityID")
            }
            try Self.rethrowing({
                try db.execute(
                    "INSERT INTO members (\(SQLiteRecords.memberColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values)
            }, unique: [
                ("members.id", .conflict("a member with id \(member.id) already exists", field: "id")),
                ("members.handle", .conflict("the handle '\(member.handle)' is already taken in this community", field: "handle")),
            ])
            try Self.insertTokens(db, tokens, of: member)
        }
    }

    func update(_ member: Member) async throws {
        let values = try SQLiteRecords.values(member)
        let tokens = DirectoryQuery.indexTokens(of: member)
        try runWrite { db in
            let changed = try Self.rethrowing({
                try db.execute(
                    """
                    UPDATE members SET handle = ?3, display_name = ?4, bio = ?5, avatar_url = ?6, interests = ?7, role = ?8,
                        status = ?9, status_until = ?10, status_reason = ?11, joined_at = ?12, is_bot = ?13
                    WHERE id = ?1 AND community_id = ?2
                    """, values)
            }, unique: [
                ("members.handle", .conflict("the handle '\(member.handle)' is already taken in this community", field: "handle")),
            ])
            guard changed > 0 else {
                throw CommunityError.notFound("no member with id \(member.id) in this community", field: "id")
            }
            try db.execute("DELETE FROM member_tokens WHERE member_id = ?", [.id(member.id)])
            try Self.insertTokens(db, tokens, of: member)
        }
    }

    func deleteMember(_ id: MemberID, in community: CommunityID) async throws {
        try runWrite { db in
            guard try Self.exists(db, "SELECT 1 FROM members WHERE id = ? AND community_id = ?", [.id(id), .id(community)]) else {
                throw CommunityError.notFound("no member with id \(id) in this community", field: "id")
            }
            try db.execute("DELETE FROM memberships WHERE member_id = ?", [.id(id)])
            try db.execute("DELETE FROM join_requests WHERE member_id = ?", [.id(id)])
            try db.execute("DELETE FROM member_tokens WHERE member_id = ?", [.id(id)])
            try db.execute("DELETE FROM members WHERE id = ?", [.id(id)])
        }
    }

    func insert(_ space: Space) async throws {
        let values = try SQLiteRecords.values(space)
        try runWrite { db in
            guard try Self.exists(db, "SELECT 1 FROM communities WHERE id = ?", [.id(space.communityID)]) else {
                throw CommunityError.notFound("no community with id \(space.communityID)", field: "communityID")
            }
            try Self.rethrowing({
                try db.execute("INSERT INTO spaces (\(SQLiteRecords.spaceColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", values)
            }, unique: [
                ("spaces.id", .conflict("a space with id \(space.id) already exists", field: "id")),
                ("spaces.slug", .conflict("the space slug '\(space.slug)' is already taken in this community", field: "slug")),
            ])
        }
    }

    func update(_ space: Space) async throws {
        let values = try SQLiteRecords.values(space)
        let changed = try runWrite { db in
            try Self.rethrowing({
                try db.execute(
                    """
                    UPDATE spaces SET slug = ?3, name = ?4, description = ?5, kind = ?6, visibility = ?7, tags = ?8, created_at = ?9
                    WHERE id = ?1 AND community_id = ?2
                    """, values)
            }, unique: [
                ("spaces.slug", .conflict("the space slug '\(space.slug)' is already taken in this community", field: "slug")),
            ])
        }
        guard changed > 0 else { throw CommunityError.notFound("no space with id \(space.id) in this community", field: "id") }
    }

    func upsert(_ membership: Membership) async throws {
        let values = SQLiteRecords.values(membership)
        try runWrite { db in
            guard try Self.exists(
                db, "SELECT 1 FROM members WHERE id = ? AND community_id = ?", [.id(membership.memberID), .id(membership.communityID)])
            else {
                throw CommunityError.notFound("no member with id \(membership.memberID) in this community", field: "memberID")
            }
            guard try Self.exists(
                db, "SELECT 1 FROM spaces WHERE id = ? AND community_id = ?", [.id(membership.spaceID), .id(membership.communityID)])
            else {
                throw CommunityError.notFound("no space with id \(membership.spaceID) in this community", field: "spaceID")
            }
            try db.execute(
                """
                INSERT INTO memberships (\(SQLiteRecords.membershipColumns)) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (space_id, member_id) DO UPDATE SET
                    community_id = excluded.community_id, role_override = excluded.role_override, joined_at = excluded.joined_at
                """, values)
        }
    }

    func deleteMembership(of member: MemberID, in space: SpaceID) async throws {
        let changed = try runWrite { db in
            try db.execute("DELETE FROM memberships WHERE space_id = ? AND member_id = ?", [.id(space), .id(member)])
        }
        guard changed > 0 else { throw CommunityError.notFound("member \(member) is not in space \(space)", field: "memberID") }
    }

    func insert(_ invitation: Invitation) async throws {
        let values = SQLiteRecords.values(invitation)
        let conflict = CommunityError.conflict("an invitation with this id or token already exists", field: "token")
        try runWrite { db in
            try Self.rethrowing({
                try db.execute(
                    "INSERT INTO invitations (\(SQLiteRecords.invitationColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", values)
            }, unique: [("invitations.id", conflict), ("invitations.token", conflict)])
        }
    }

    func update(_ invitation: Invitation) async throws {
        let values = SQLiteRecords.values(invitation)
        let changed = try runWrite { db in
            try Self.rethrowing({
                try db.execute(
                    """
                    UPDATE invitations SET space_id = ?3, token = ?4, role = ?5, invited_by = ?6, created_at = ?7,
                        expires_at = ?8, redeemed_by = ?9
                    WHERE id = ?1 AND community_id = ?2
                    """, values)
            }, unique: [
                ("invitations.token", .conflict("an invitation with this token already exists", field: "token")),
            ])
        }
        guard changed > 0 else {
            throw CommunityError.notFound("no invitation with id \(invitation.id) in this community", field: "id")
        }
    }

    func insert(_ request: JoinRequest) async throws {
        let values = SQLiteRecords.values(request)
        try runWrite { db in
            try Self.rethrowing({
                try db.execute(
                    "INSERT INTO join_requests (\(SQLiteRecords.joinRequestColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", values)
            }, unique: [
                ("join_requests.id", .conflict("a join request with id \(request.id) already exists", field: "id")),
                ("join_requests.member_id", .conflict("the member already has a pending request for this space", field: "spaceID")),
            ])
        }
    }

    func update(_ request: JoinRequest) async throws {
        let values = SQLiteRecords.values(request)
        let changed = try runWrite { db in
            try Self.rethrowing({
                try db.execute(
                    """
                    UPDATE join_requests SET space_id = ?3, member_id = ?4, message = ?5, state = ?6, created_at = ?7,
                        decided_by = ?8, decided_at = ?9
                    WHERE id = ?1 AND community_id = ?2
                    """, values)
            }, unique: [
                ("join_requests.member_id", .conflict("the member already has a pending request for this space", field: "spaceID")),
            ])
        }
        guard changed > 0 else {
            throw CommunityError.notFound("no join request with id \(request.id) in this community", field: "id")
        }
    }

    func append(_ activity: Activity) async throws -> Activity {
        let values = try SQLiteRecords.values(activity)
        let sequence = try runWrite { db in
            try db.execute(
                "INSERT INTO activities (id, community_id, actor, verb, subject_kind, subject_id, space_id, occurred_at, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                values)
            return db.lastInsertRowID
        }
        lastAppendedSequence = sequence
        var stored = activity
        stored.sequence = sequence
        return stored
    }

    // MARK: Helpers

    static func exists(_ db: SQLiteDatabase, _ sql: String, _ bindings: [SQLiteValue]) throws -> Bool {
        try db.queryFirst(sql, bindings) { _ in true } ?? false
    }

    private static func insertTokens(_ db: SQLiteDatabase, _ tokens: Set<String>, of member: Member) throws {
        for token in tokens {
            try db.execute(
                "INSERT OR IGNORE INTO member_tokens (community_id, token, member_id) VALUES (?, ?, ?)",
                [.id(member.communityID), .text(token), .id(member.id)])
        }
    }
}
