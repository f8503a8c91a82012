#if Postgres
import CommunityCore
import Foundation
import PostgresNIO

/// The core writes. Uniqueness is checked by a read before the write (in a serializable
/// transaction a concurrent writer of the same key makes one of the two fail with 40001, and the
/// store runs it again), so a refused write never aborts the transaction: the body may catch
/// `conflict` and go on, as on the other backends.
extension PostgresTransaction: StoreWriteTransaction {
    func insert(_ community: Community) async throws {
        let body = try PostgresRecordCoding.encode(community)
        guard try await !exists("SELECT 1 FROM communities WHERE id = \(community.id.uuid)") else {
            throw CommunityError.conflict("a community with id \(community.id) already exists", field: "id")
        }
        guard try await !exists("SELECT 1 FROM communities WHERE slug = \(community.slug)") else {
            throw CommunityError.conflict("the community slug '\(community.slug)' is already taken", field: "slug")
        }
        try await write("INSERT INTO communities (id, slug, body) VALUES (\(community.id.uuid), \(community.slug), \(body)) RETURNING 1")
    }

    func update(_ community: Community) async throws {
        let body = try PostgresRecordCoding.encode(community)
        guard try await exists("SELECT 1 FROM communities WHERE id = \(community.id.uuid)") else {
            throw CommunityError.notFound("no community with id \(community.id)", field: "id")
        }
        guard try await !exists("SELECT 1 FROM communities WHERE slug = \(community.slug) AND id <> \(community.id.uuid)") else {
            throw CommunityError.conflict("the community slug '\(community.slug)' is already taken", field: "slug")
        }
        try await write("UPDATE communities SET slug = \(community.slug), body = \(body) WHERE id = \(community.id.uuid) RETURNING 1")
    }

    /// Two statements: the three checks in one query, then the member and its directory tokens.
    func insert(_ member: Member) async throws {
        let body = try PostgresRecordCoding.encode(member)
        let tokens = DirectoryQuery.indexTokens(of: member).sorted()
        guard let row = try await rows("""
            SELECT EXISTS (SELECT 1 FROM communities WHERE id = \(member.communityID.uuid)),
                EXISTS (SELECT 1 FROM members WHERE id = \(member.id.uuid)),
                EXISTS (SELECT 1 FROM members WHERE community_id = \(member.communityID.uuid) AND handle = \(member.handle))
            """).first
        else { throw CommunityError(.storage, "PostgreSQL returned no row for the member checks") }
        let (hasCommunity, idTaken, handleTaken) = try Self.columns((Bool, Bool, Bool).self, row, table: "members")
        guard hasCommunity else { throw CommunityError.notFound("no community with id \(member.communityID)", field: "communityID") }
        guard !idTaken else { throw CommunityError.conflict("a member with id \(member.id) already exists", field: "id") }
        guard !handleTaken else {
            throw CommunityError.conflict("the handle '\(member.handle)' is already taken in this community", field: "handle")
        }
        try await write("""
            WITH inserted AS (
                INSERT INTO members (id, community_id, handle, role, body)
                VALUES (\(member.id.uuid), \(member.communityID.uuid), \(member.handle), \(member.role.rawValue), \(body)) RETURNING id
            )
            INSERT INTO member_tokens (community_id, token, member_id)
            SELECT \(member.communityID.uuid), token, inserted.id FROM inserted, unnest(\(tokens)::text[]) AS token
            ON CONFLICT DO NOTHING RETURNING 1
            """)
    }

    func update(_ member: Member) async throws {
        let body = try PostgresRecordCoding.encode(member)
        guard try await exists("SELECT 1 FROM members WHERE id = \(member.id.uuid) AND community_id = \(member.communityID.uuid)") else {
            throw CommunityError.notFound("no member with id \(member.id) in this community", field: "id")
        }
        try await checkHandleFree(member)
        try await write("""
            UPDATE members SET handle = \(member.handle), role = \(member.role.rawValue), body = \(body)
            WHERE id = \(member.id.uuid) RETURNING 1
            """)
        try await write("DELETE FROM member_tokens WHERE member_id = \(member.id.uuid) RETURNING 1")
        try await insertTokens(of: member)
    }

    private func checkHandleFree(_ member: Member) async throws {
        guard try await !exists("""
            SELECT 1 FROM members WHERE community_id = \(member.communityID.uuid) AND handle = \(member.handle) AND id <> \(member.id.uuid)
            """)
        else {
            throw CommunityError.conflict("the handle '\(member.handle)' is already taken in this community", field: "handle")
        }
    }

    /// One statement for every directory token of the member.
    private func insertTokens(of member: Member) async throws {
        let tokens = DirectoryQuery.indexTokens(of: member).sorted()
        guard !tokens.isEmpty else { return }
        try await write("""
            INSERT INTO member_tokens (community_id, token, member_id)
            SELECT \(member.communityID.uuid), token, \(member.id.uuid) FROM unnest(\(tokens)::text[]) AS token
            ON CONFLICT DO NOTHING RETURNING 1
            """)
    }

    func deleteMember(_ id: MemberID, in community: CommunityID) async throws {
        guard try await exists("SELECT 1 FROM members WHERE id = \(id.uuid) AND community_id = \(community.uuid)") else {
            throw CommunityError.notFound("no member with id \(id) in this community", field: "id")
        }
        try await write("DELETE FROM memberships WHERE member_id = \(id.uuid) RETURNING 1")
        try await write("DELETE FROM join_requests WHERE member_id = \(id.uuid) RETURNING 1")
        try await write("DELETE FROM member_tokens WHERE member_id = \(id.uuid) RETURNING 1")
        try await write("DELETE FROM members WHERE id = \(id.uuid) RETURNING 1")
    }

    func insert(_ space: Space) async throws {
        let body = try PostgresRecordCoding.encode(space)
        guard try await exists("SELECT 1 FROM communities WHERE id = \(space.communityID.uuid)") else {
            throw CommunityError.notFound("no community with id \(space.communityID)", field: "communityID")
        }
        guard try await !exists("SELECT 1 FROM spaces WHERE id = \(space.id.uuid)") else {
            throw CommunityError.conflict("a space with id \(space.id) already exists", field: "id")
        }
        try await checkSlugFree(space)
        try await write("""
            INSERT INTO spaces (id, community_id, slug, body) VALUES (\(space.id.uuid), \(space.communityID.uuid), \(space.slug), \(body))
            RETURNING 1
            """)
    }

    func update(_ space: Space) async throws {
        let body = try PostgresRecordCoding.encode(space)
        guard try await exists("SELECT 1 FROM spaces WHERE id = \(space.id.uuid) AND community_id = \(space.communityID.uuid)") else {
            throw CommunityError.notFound("no space with id \(space.id) in this community", field: "id")
        }
        try await checkSlugFree(space)
        try await write("UPDATE spaces SET slug = \(space.slug), body = \(body) WHERE id = \(space.id.uuid) RETURNING 1")
    }

    private func checkSlugFree(_ space: Space) async throws {
        guard try await !exists("""
            SELECT 1 FROM spaces WHERE community_id = \(space.communityID.uuid) AND slug = \(space.slug) AND id <> \(space.id.uuid)
            """)
        else {
            throw CommunityError.conflict("the space slug '\(space.slug)' is already taken in this community", field: "slug")
        }
    }

    func upsert(_ membership: Membership) async throws {
        let body = try PostgresRecordCoding.encode(membership)
        let community = membership.communityID.uuid
        guard try await exists("SELECT 1 FROM members WHERE id = \(membership.memberID.uuid) AND community_id = \(community)") else {
            throw CommunityError.notFound("no member with id \(membership.memberID) in this community", field: "memberID")
        }
        guard try await exists("SELECT 1 FROM spaces WHERE id = \(membership.spaceID.uuid) AND community_id = \(community)") else {
            throw CommunityError.notFound("no space with id \(membership.spaceID) in this community", field: "spaceID")
        }
        try await write("""
            INSERT INTO memberships (space_id, member_id, community_id, body)
            VALUES (\(membership.spaceID.uuid), \(membership.memberID.uuid), \(community), \(body))
            ON CONFLICT (space_id, member_id) DO UPDATE SET community_id = excluded.community_id, body = excluded.body RETURNING 1
            """)
    }

    func deleteMembership(of member: MemberID, in space: SpaceID) async throws {
        let changed = try await write("DELETE FROM memberships WHERE space_id = \(space.uuid) AND member_id = \(member.uuid) RETURNING 1")
        guard changed > 0 else { throw CommunityError.notFound("member \(member) is not in space \(space)", field: "memberID") }
    }

    func insert(_ invitation: Invitation) async throws {
        let body = try PostgresRecordCoding.encode(invitation)
        guard try await !exists("SELECT 1 FROM invitations WHERE id = \(invitation.id.uuid) OR token = \(invitation.token)") else {
            throw CommunityError.conflict("an invitation with this id or token already exists", field: "token")
        }
        try await write("""
            INSERT INTO invitations (id, community_id, token, body)
            VALUES (\(invitation.id.uuid), \(invitation.communityID.uuid), \(invitation.token), \(body)) RETURNING 1
            """)
    }

    func update(_ invitation: Invitation) async throws {
        let body = try PostgresRecordCoding.encode(invitation)
        guard try await exists("SELECT 1 FROM invitations WHERE id = \(invitation.id.uuid) AND community_id = \(invitation.communityID.uuid)") else {
            throw CommunityError.notFound("no invitation with id \(invitation.id) in this community", field: "id")
        }
        guard try await !exists("SELECT 1 FROM invitations WHERE token = \(invitation.token) AND id <> \(invitation.id.uuid)") else {
            throw CommunityError.conflict("an invitation with this token already exists", field: "token")
        }
        try await write("UPDATE invitations SET token = \(invitation.token), body = \(body) WHERE id = \(invitation.id.uuid) RETURNING 1")
    }

    func insert(_ request: JoinRequest) async throws {
        let body = try PostgresRecordCoding.encode(request)
        guard try await !exists("SELECT 1 FROM join_requests WHERE id = \(request.id.uuid)") else {
            throw CommunityError.conflict("a join request with id \(request.id) already exists", field: "id")
        }
        try await checkOnePending(request)
        try await write("""
            INSERT INTO join_requests (id, community_id, space_id, member_id, state, body)
            VALUES (\(request.id.uuid), \(request.communityID.uuid), \(request.spaceID.uuid), \(request.memberID.uuid),
                    \(request.state.rawValue), \(body)) RETURNING 1
            """)
    }

    func update(_ request: JoinRequest) async throws {
        let body = try PostgresRecordCoding.encode(request)
        guard try await exists("SELECT 1 FROM join_requests WHERE id = \(request.id.uuid) AND community_id = \(request.communityID.uuid)") else {
            throw CommunityError.notFound("no join request with id \(request.id) in this community", field: "id")
        }
        try await checkOnePending(request)
        try await write("""
            UPDATE join_requests SET space_id = \(request.spaceID.uuid), member_id = \(request.memberID.uuid),
                state = \(request.state.rawValue), body = \(body)
            WHERE id = \(request.id.uuid) RETURNING 1
            """)
    }

    private func checkOnePending(_ request: JoinRequest) async throws {
        guard request.state == .pending else { return }
        guard try await !exists("""
            SELECT 1 FROM join_requests WHERE space_id = \(request.spaceID.uuid) AND member_id = \(request.memberID.uuid)
                AND state = 'pending' AND id <> \(request.id.uuid)
            """)
        else {
            throw CommunityError.conflict("the member already has a pending request for this space", field: "spaceID")
        }
    }

    /// Takes the log's append lock, then draws the next value of `activity_sequence`, in one
    /// statement (the lock in a subquery fenced by `OFFSET 0`, so it is taken before `nextval`
    /// runs). The lock is held until this transaction ends, so no later transaction gets a
    /// sequence before this one commits. The same statement queues the `NOTIFY` of the store's
    /// channel, which PostgreSQL delivers only if the transaction commits.
    func append(_ activity: Activity) async throws -> Activity {
        let body = try PostgresRecordCoding.encode(activity)
        let rows = try await writeRows("""
            INSERT INTO activities (sequence, community_id, space_id, body)
            SELECT nextval('activity_sequence'), \(activity.communityID.uuid), \(activity.spaceID?.uuid), \(body)
            FROM (SELECT pg_advisory_xact_lock(\(appendLockKey)) OFFSET 0) AS append_lock
            RETURNING sequence, pg_notify(\(channel), sequence::text)
            """)
        guard let row = rows.first else { throw CommunityError(.storage, "PostgreSQL assigned no sequence to the activity") }
        let sequence = try Self.column(Int64.self, row, table: "activities")
        recordAppend(sequence)
        var stored = activity
        stored.sequence = sequence
        return stored
    }
}
#endif
