import Foundation

extension MemberService {
    /// The member enters a space they may join directly (public spaces; any space for admins).
    /// - Throws: `forbidden` (private: request instead), `notFound` (secret or absent), `conflict` if already in.
    @discardableResult
    public func joinSpace(_ space: SpaceID, in community: CommunityID, member: MemberID) async throws -> Membership {
        let now = environment.clock.now
        let environment = environment
        return try await environment.store.write { tx in
            let access = try await tx.authorize(.see, by: .member(member), space: space, in: community, policy: environment.policy, at: now)
            if access.membership != nil {
                throw CommunityError.conflict("the member is already in this space", field: "space")
            }
            try await tx.authorize(.join, by: .member(member), space: space, in: community, policy: environment.policy, at: now)
            return try await Self.enter(space, member: member, community: community, by: .member(member), tx: tx, now: now, ids: environment.ids)
        }
    }

    /// A moderator of the space (or the system) adds a member to it directly.
    /// - Throws: `forbidden`, `notFound`, `conflict` if already in.
    @discardableResult
    public func addMember(_ member: MemberID, toSpace space: SpaceID, in community: CommunityID, by actor: Principal) async throws -> Membership {
        let now = environment.clock.now
        let environment = environment
        return try await environment.store.write { tx in
            try await tx.authorize(.manageMembers, by: actor, space: space, in: community, policy: environment.policy, at: now)
            _ = try await tx.requireMember(member, in: community)
            if try await tx.membership(of: member, in: space) != nil {
                throw CommunityError.conflict("the member is already in this space", field: "member")
            }
            return try await Self.enter(space, member: member, community: community, by: actor, tx: tx, now: now, ids: environment.ids)
        }
    }

    /// The member leaves a space, or a moderator of the space removes them.
    /// - Throws: `forbidden`, `notFound` if the member is not in the space.
    public func leaveSpace(_ space: SpaceID, in community: CommunityID, member: MemberID, by actor: Principal) async throws {
        let now = environment.clock.now
        let environment = environment
        try await environment.store.write { tx in
            if actor == .member(member) {
                try await tx.authorize(.see, by: actor, space: space, in: community, policy: environment.policy, at: now)
            } else {
                try await tx.authorize(.manageMembers, by: actor, space: space, in: community, policy: environment.policy, at: now)
            }
            try await tx.deleteMembership(of: member, in: space)
            try await tx.recordActivity(.spaceLeft, by: actor, subject: SubjectRef("member", member), community: community,
                                        space: space, at: now, ids: environment.ids)
        }
    }

    /// The member asks to enter a private space.
    /// - Parameter message: A note to the moderators, up to 500 characters.
    /// - Throws: `forbidden` (not private, or not allowed), `conflict` if a request is already pending.
    public func requestToJoin(_ space: SpaceID, in community: CommunityID, message: String = "", member: MemberID) async throws -> JoinRequest {
        try Validate.text(message, field: "message", max: 500)
        let now = environment.clock.now
        let environment = environment
        return try await environment.store.write { tx in
            try await tx.authorize(.requestToJoin, by: .member(member), space: space, in: community, policy: environment.policy, at: now)
            if try await tx.pendingJoinRequest(of: member, in: space) != nil {
                throw CommunityError.conflict("a request to join this space is already pending", field: "space")
            }
            let request = JoinRequest(id: environment.ids.next(at: now), communityID: community, spaceID: space, memberID: member,
                                      message: message, createdAt: now)
            try await tx.insert(request)
            try await tx.recordActivity(.joinRequested, by: .member(member), subject: SubjectRef("join_request", request.id),
                                        community: community, space: space, at: now, ids: environment.ids)
            return request
        }
    }

    /// Approves a pending join request: the member enters the space.
    /// - Throws: `forbidden`, `notFound`, `conflict` if the request was already decided.
    @discardableResult
    public func approve(_ request: JoinRequestID, in community: CommunityID, by actor: Principal) async throws -> JoinRequest {
        try await decide(request, in: community, approve: true, by: actor)
    }

    /// Rejects a pending join request.
    /// - Throws: `forbidden`, `notFound`, `conflict` if the request was already decided.
    @discardableResult
    public func reject(_ request: JoinRequestID, in community: CommunityID, by actor: Principal) async throws -> JoinRequest {
        try await decide(request, in: community, approve: false, by: actor)
    }

    /// The join requests of a space in one state, oldest first (moderators of the space).
    public func joinRequests(in space: SpaceID, of community: CommunityID, state: JoinRequest.State = .pending,
                             after: PageCursor? = nil, limit: Int = 50, by actor: Principal) async throws -> Page<JoinRequest> {
        try Validate.limit(limit)
        let cursor: JoinRequestID? = try after?.identifier()
        let environment = environment
        let now = environment.clock.now
        return try await environment.store.read { tx in
            try await tx.authorize(.manageMembers, by: actor, space: space, in: community, policy: environment.policy, at: now)
            let items = try await tx.joinRequests(in: space, state: state, after: cursor, limit: limit)
            return Page(items: items, nextCursor: items.count == limit ? items.last.map { PageCursor(after: $0.id) } : nil)
        }
    }

    /// The memberships of a space, in member order (anyone who may read the space; a secret
    /// space is `notFound` to outsiders).
    public func spaceMembers(of space: SpaceID, in community: CommunityID, after: PageCursor? = nil, limit: Int = 50,
                             by viewer: Principal) async throws -> Page<Membership> {
        try Validate.limit(limit)
        let cursor: MemberID? = try after?.identifier()
        let environment = environment
        let now = environment.clock.now
        return try await environment.store.read { tx in
            try await tx.authorize(.read, by: viewer, space: space, in: community, policy: environment.policy, at: now)
            let items = try await tx.memberships(in: space, after: cursor, limit: limit)
            return Page(items: items, nextCursor: items.count == limit ? items.last.map { PageCursor(after: $0.memberID) } : nil)
        }
    }

    private func decide(_ requestID: JoinRequestID, in community: CommunityID, approve: Bool, by actor: Principal) async throws -> JoinRequest {
        let now = environment.clock.now
        let environment = environment
        return try await environment.store.write { tx in
            guard var request = try await tx.joinRequest(requestID, in: community) else {
                throw CommunityError.notFound("no join request with id \(requestID) in this community", field: "request")
            }
            try await tx.authorize(.manageMembers, by: actor, space: request.spaceID, in: community, policy: environment.policy, at: now)
            guard request.state == .pending else {
                throw CommunityError.conflict("this request was already \(request.state.rawValue)", field: "request")
            }
            request.state = approve ? .approved : .rejected
            request.decidedBy = actor
            request.decidedAt = now
            try await tx.update(request)
            try await tx.recordActivity(approve ? .joinApproved : .joinRejected, by: actor, subject: SubjectRef("join_request", request.id),
                                        community: community, space: request.spaceID, at: now, ids: environment.ids)
            if approve, try await tx.membership(of: request.memberID, in: request.spaceID) == nil {
                _ = try await Self.enter(request.spaceID, member: request.memberID, community: community, by: actor, tx: tx, now: now, ids: environment.ids)
            }
            return request
        }
    }

    static func enter(_ space: SpaceID, member: MemberID, community: CommunityID, by actor: Principal,
                      tx: any StoreWriteTransaction, now: Date, ids: IDGenerator) async throws -> Membership {
        let membership = Membership(communityID: community, spaceID: space, memberID: member, joinedAt: now)
        try await tx.upsert(membership)
        try await tx.recordActivity(.spaceJoined, by: actor, subject: SubjectRef("member", member), community: community,
                                    space: space, at: now, ids: ids)
        return membership
    }
}
