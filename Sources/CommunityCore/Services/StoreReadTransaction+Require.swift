import Foundation

extension StoreReadTransaction {
    /// The community, or `notFound`.
    package func requireCommunity(_ id: CommunityID) async throws -> Community {
        guard let community = try await community(id) else {
            throw CommunityError.notFound("no community with id \(id)", field: "community")
        }
        return community
    }

    /// The member of `community`, or `notFound`.
    package func requireMember(_ id: MemberID, in community: CommunityID, field: String = "member") async throws -> Member {
        guard let member = try await member(id, in: community) else {
            throw CommunityError.notFound("no member with id \(id) in this community", field: field)
        }
        return member
    }

    /// The space of `community`, or `notFound`.
    package func requireSpace(_ id: SpaceID, in community: CommunityID) async throws -> Space {
        guard let space = try await space(id, in: community) else {
            throw CommunityError.notFound("no space with id \(id) in this community", field: "space")
        }
        return space
    }

    /// Who `principal` is in `community` at `now`: the system, or an existing member.
    /// - Throws: `forbidden` if the principal is a member of no such community.
    package func acting(_ principal: Principal, in community: CommunityID, at now: Date) async throws -> ActingParty {
        switch principal {
        case .system:
            _ = try await requireCommunity(community)
            return ActingParty(member: nil, status: .active)
        case .member(let id):
            guard let member = try await member(id, in: community) else {
                throw CommunityError.forbidden("\(principal) is not a member of this community")
            }
            return ActingParty(member: member, status: member.status.effective(at: now).kind)
        }
    }

    /// Checks a community-wide action. - Throws: `forbidden` with the reason.
    @discardableResult
    package func authorize(
        _ action: AccessPolicy.CommunityAction, by principal: Principal, in community: CommunityID,
        policy: AccessPolicy, at now: Date
    ) async throws -> ActingParty {
        let actor = try await acting(principal, in: community, at: now)
        guard let member = actor.member else { return actor }
        guard policy.allows(action, role: member.role, status: actor.status) else {
            throw CommunityError.forbidden("a\(actor.status == .active ? "" : " \(actor.status.rawValue)") \(member.role.rawValue) may not \(action.rawValue)")
        }
        return actor
    }

    /// Checks an action in a space. A space the actor may not even see is reported as `notFound`,
    /// so secret spaces never leak.
    /// - Returns: The actor, the space, and the actor's effective role and membership there.
    @discardableResult
    package func authorize(
        _ action: AccessPolicy.SpaceAction, by principal: Principal, space spaceID: SpaceID, in community: CommunityID,
        policy: AccessPolicy, at now: Date
    ) async throws -> SpaceAccess {
        guard case .member(let memberID) = principal else {
            let actor = try await acting(principal, in: community, at: now)
            return SpaceAccess(actor: actor, space: try await requireSpace(spaceID, in: community), role: .owner, membership: nil)
        }
        // One read for the member, the space and the membership; checked in the order of
        // `acting` then `requireSpace`.
        let records = try await accessRecords(of: memberID, space: spaceID, in: community)
        guard let member = records.member else {
            throw CommunityError.forbidden("\(principal) is not a member of this community")
        }
        let actor = ActingParty(member: member, status: member.status.effective(at: now).kind)
        guard let space = records.space else {
            throw CommunityError.notFound("no space with id \(spaceID) in this community", field: "space")
        }
        let membership = records.membership
        let role = policy.effectiveRole(communityRole: member.role, membership: membership)
        let inSpace = membership != nil
        guard policy.allows(.see, in: space.visibility, role: role, isSpaceMember: inSpace, status: actor.status) else {
            throw CommunityError.notFound("no space with id \(spaceID) in this community", field: "space")
        }
        guard policy.allows(action, in: space.visibility, role: role, isSpaceMember: inSpace, status: actor.status) else {
            let who = "a\(actor.status == .active ? "" : " \(actor.status.rawValue)") \(role.rawValue)\(inSpace ? " of the space" : " outside the space")"
            throw CommunityError.forbidden("\(who) may not \(action.rawValue) in this \(space.visibility.rawValue) space")
        }
        return SpaceAccess(actor: actor, space: space, role: role, membership: membership)
    }
}

/// The party performing a call, resolved in one community.
package struct ActingParty: Sendable {
    /// The member, or `nil` for the system principal.
    package var member: Member?
    /// The effective status.
    package var status: MemberStatus.Kind
    /// The community role (`owner` for the system principal).
    package var role: Role { member?.role ?? .owner }
    /// Whether this is the system principal.
    package var isSystem: Bool { member == nil }
}

/// The result of a space authorization.
package struct SpaceAccess: Sendable {
    package var actor: ActingParty
    package var space: Space
    package var role: Role
    package var membership: Membership?
}

extension StoreWriteTransaction {
    /// Appends an activity describing this transaction's change.
    @discardableResult
    package func recordActivity(
        _ verb: ActivityVerb, by actor: Principal, subject: SubjectRef, community: CommunityID, space: SpaceID? = nil,
        at now: Date, ids: IDGenerator, payload: [String: String] = [:]
    ) async throws -> Activity {
        try await append(Activity(
            id: ids.next(at: now), communityID: community, actor: actor, verb: verb, subject: subject,
            spaceID: space, occurredAt: now, payload: payload))
    }
}
