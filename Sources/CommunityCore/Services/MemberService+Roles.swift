import Foundation

extension MemberService {
    /// Changes a member's community role (admins and owners).
    ///
    /// Owners may set any role; admins may set roles up to admin on members below admin. The
    /// last owner cannot be demoted.
    /// - Throws: `forbidden`, `notFound`, `conflict` (last owner).
    @discardableResult
    public func changeRole(of member: MemberID, in community: CommunityID, to role: Role, by actor: Principal) async throws -> Member {
        let now = environment.clock.now
        let environment = environment
        return try await environment.store.write { tx in
            let acting = try await tx.authorize(.changeRoles, by: actor, in: community, policy: environment.policy, at: now)
            var target = try await tx.requireMember(member, in: community)
            if acting.role != .owner {
                guard target.role < .admin, role <= .admin else {
                    throw CommunityError.forbidden("an admin may change roles of members below admin, up to admin; only owners manage admins and owners")
                }
            }
            guard target.role != role else { return target }
            if target.role == .owner, try await tx.memberCount(in: community, role: .owner) <= 1 {
                throw CommunityError.conflict("the last owner cannot be demoted: make another member owner first", field: "role")
            }
            let previous = target.role
            target.role = role
            try await tx.update(target)
            try await tx.recordActivity(.memberRoleChanged, by: actor, subject: SubjectRef("member", member), community: community,
                                        at: now, ids: environment.ids, payload: ["from": previous.rawValue, "to": role.rawValue])
            return target
        }
    }

    /// Sets or clears a member's role override in one space (moderators of the space set
    /// `.guest`/`.member`; admins set up to `.moderator`). Owners and admins keep their role everywhere.
    /// - Parameter role: The override, or `nil` to use the community role again.
    /// - Throws: `forbidden`, `notFound` (member not in the space).
    @discardableResult
    public func setSpaceRole(of member: MemberID, in space: SpaceID, of community: CommunityID, to role: Role?, by actor: Principal) async throws -> Membership {
        if let role, role > .moderator {
            throw CommunityError.invalidInput("a space override is at most .moderator; make the member admin in the community instead", field: "role")
        }
        let now = environment.clock.now
        let environment = environment
        return try await environment.store.write { tx in
            let access = try await tx.authorize(.manageMembers, by: actor, space: space, in: community, policy: environment.policy, at: now)
            if let role, role == .moderator, !access.actor.isSystem, access.actor.role < .admin {
                throw CommunityError.forbidden("only admins and owners make space moderators")
            }
            guard var membership = try await tx.membership(of: member, in: space) else {
                throw CommunityError.notFound("the member is not in this space", field: "member")
            }
            membership.roleOverride = role
            try await tx.upsert(membership)
            try await tx.recordActivity(.memberRoleChanged, by: actor, subject: SubjectRef("member", member), community: community,
                                        space: space, at: now, ids: environment.ids, payload: ["to": role?.rawValue ?? "default"])
            return membership
        }
    }

    /// Suspends a member for a while: they read public content only and write nothing until it ends.
    /// - Parameters:
    ///   - duration: From 1 minute to 365 days.
    ///   - reason: Shown to the member, 1–500 characters.
    /// - Throws: `forbidden` (moderators and above, on members of lower rank), `invalidInput`, `notFound`.
    @discardableResult
    public func suspend(_ member: MemberID, in community: CommunityID, for duration: TimeInterval, reason: String, by actor: Principal) async throws -> Member {
        guard (60...(365 * 86_400)).contains(duration) else {
            throw CommunityError.invalidInput("a suspension lasts from 60 seconds to 365 days", field: "duration")
        }
        let reason = try Validate.name(reason, field: "reason", max: 500)
        let now = environment.clock.now
        return try await sanction(member, in: community, action: .suspendMembers, verb: .memberSuspended, by: actor, now: now) {
            .suspended(until: now.addingTimeInterval(duration), reason: reason)
        }
    }

    /// Bans a member until an admin reinstates them.
    /// - Throws: `forbidden` (admins and owners, on members of lower rank), `invalidInput`, `notFound`.
    @discardableResult
    public func ban(_ member: MemberID, in community: CommunityID, reason: String, by actor: Principal) async throws -> Member {
        let reason = try Validate.name(reason, field: "reason", max: 500)
        return try await sanction(member, in: community, action: .banMembers, verb: .memberBanned, by: actor, now: environment.clock.now) {
            .banned(reason: reason)
        }
    }

    /// Lifts a ban or a suspension (unban).
    /// - Throws: `forbidden`, `notFound`, `conflict` if the member is in good standing.
    @discardableResult
    public func reinstate(_ member: MemberID, in community: CommunityID, by actor: Principal) async throws -> Member {
        let now = environment.clock.now
        let current = try await environment.store.read { tx in try await tx.requireMember(member, in: community) }
        let action: AccessPolicy.CommunityAction = current.status.kind == .banned ? .banMembers : .suspendMembers
        return try await sanction(member, in: community, action: action, verb: .memberReinstated, by: actor, now: now) { .active }
    }

    private func sanction(
        _ member: MemberID, in community: CommunityID, action: AccessPolicy.CommunityAction, verb: ActivityVerb,
        by actor: Principal, now: Date, status makeStatus: @Sendable () -> MemberStatus
    ) async throws -> Member {
        let environment = environment
        return try await environment.store.write { tx in
            let acting = try await tx.authorize(action, by: actor, in: community, policy: environment.policy, at: now)
            var target = try await tx.requireMember(member, in: community)
            guard target.role != .owner else {
                throw CommunityError.forbidden("owners cannot be suspended or banned; demote first")
            }
            if let moderator = acting.member {
                guard moderator.id != target.id else { throw CommunityError.forbidden("members cannot sanction themselves") }
                guard target.role < moderator.role else {
                    throw CommunityError.forbidden("a \(moderator.role.rawValue) may only act on members of lower rank; this one is \(target.role.rawValue)")
                }
            }
            let status = makeStatus()
            if status == .active, target.status.effective(at: now) == .active {
                throw CommunityError.conflict("the member is neither suspended nor banned", field: "member")
            }
            target.status = status
            try await tx.update(target)
            var payload: [String: String] = [:]
            switch status {
            case .suspended(let until, let reason):
                payload = ["until": ISO8601DateFormatter().string(from: until), "reason": reason]
            case .banned(let reason):
                payload = ["reason": reason]
            case .active:
                break
            }
            try await tx.recordActivity(verb, by: actor, subject: SubjectRef("member", member), community: community,
                                        at: now, ids: environment.ids, payload: payload)
            return target
        }
    }
}
