public import Foundation

/// Manages who is in a community and its spaces: joining, invitations, join requests, roles,
/// suspensions and bans, leaving, and the member directory.
///
/// Every call names its actor and is authorized by ``AccessPolicy``; every change appends its
/// activity in the same transaction.
///
/// ```swift
/// let members = MemberService(environment)
/// let bob = try await members.join(community, profile: MemberProfile(handle: "bob", displayName: "Bob"))
/// try await members.changeRole(of: bob.id, in: community, to: .moderator, by: .member(owner))
/// let page = try await members.directory(of: community, matching: "bo", by: .member(bob.id))
/// ```
public struct MemberService: Sendable {
    /// The store, clock, ids and policy the service works with.
    public let environment: CommunityEnvironment

    /// Creates the service.
    public init(_ environment: CommunityEnvironment) {
        self.environment = environment
    }

    // MARK: Joining and leaving

    /// Adds a person to a community. The host has authenticated them; the SDK checks the
    /// community's join policy and the invitation, if any.
    /// - Parameters:
    ///   - community: The community to join.
    ///   - profile: Handle, display name, bio, avatar, interests.
    ///   - role: `.member` (default) or `.guest` when joining without an invitation.
    ///   - invitationToken: A token from ``invite(to:role:space:expiresIn:by:)``; its role and
    ///     space apply. Required when the community is invitation-only.
    /// - Throws: `invalidInput`, `conflict` (handle taken), `forbidden` (invitation required),
    ///   `notFound`/`expired` (bad or used token).
    public func join(_ community: CommunityID, profile: MemberProfile, role: Role = .member, invitationToken: String? = nil) async throws -> Member {
        let profile = try Validate.profile(profile)
        guard role == .member || role == .guest else {
            throw CommunityError.invalidInput("joining grants .member or .guest; use an invitation or changeRole for \(role.rawValue)", field: "role")
        }
        if let invitationToken { try Validate.length(invitationToken, field: "invitationToken", max: 200) }
        let now = environment.clock.now
        let environment = environment
        return try await environment.store.write { tx in
            let target = try await tx.requireCommunity(community)
            if try await tx.member(handle: profile.handle, in: community) != nil {
                throw CommunityError.conflict("the handle '\(profile.handle)' is already taken in this community", field: "handle")
            }
            var invitation: Invitation?
            if let invitationToken {
                invitation = try await Self.usableInvitation(invitationToken, community: community, tx: tx, now: now)
            } else if target.settings.joinPolicy == .invitationOnly {
                throw CommunityError.forbidden("this community is invitation-only: pass an invitation token")
            }
            let member = Member(
                id: environment.ids.next(at: now), communityID: community, handle: profile.handle,
                displayName: profile.displayName, bio: profile.bio, avatarURL: profile.avatarURL,
                interests: profile.interests, role: invitation?.role ?? role, joinedAt: now, isBot: profile.isBot)
            try await tx.insert(member)
            try await tx.recordActivity(.memberJoined, by: .member(member.id), subject: SubjectRef("member", member.id),
                                        community: community, at: now, ids: environment.ids,
                                        payload: ["role": member.role.rawValue, "bot": String(member.isBot)])
            if var invitation {
                try await Self.redeem(&invitation, member: member, tx: tx, now: now, ids: environment.ids)
            }
            return member
        }
    }

    /// Lets an existing member redeem an invitation to a space of their community.
    /// - Throws: `notFound`, `expired`, `conflict` (already used), `invalidInput` if the invitation has no space.
    @discardableResult
    public func acceptInvitation(_ token: String, member: MemberID, in community: CommunityID) async throws -> Membership {
        try Validate.length(token, field: "token", max: 200)
        let now = environment.clock.now
        let environment = environment
        return try await environment.store.write { tx in
            let acting = try await tx.acting(.member(member), in: community, at: now)
            guard acting.status == .active, let joiner = acting.member else {
                throw CommunityError.forbidden("a \(acting.status.rawValue) member cannot accept invitations")
            }
            var invitation = try await Self.usableInvitation(token, community: community, tx: tx, now: now)
            guard let spaceID = invitation.spaceID else {
                throw CommunityError.invalidInput("this invitation is to the community, which the member is already in", field: "token")
            }
            try await Self.redeem(&invitation, member: joiner, tx: tx, now: now, ids: environment.ids)
            guard let membership = try await tx.membership(of: member, in: spaceID) else {
                throw CommunityError.notFound("the invitation's space no longer exists", field: "token")
            }
            return membership
        }
    }

    /// Removes the member from the community. The last owner must hand over ownership first.
    /// - Throws: `forbidden` if `actor` is not the member (or the system), `conflict` for the last owner.
    public func leave(_ community: CommunityID, member: MemberID, by actor: Principal) async throws {
        guard actor == .member(member) || actor.memberID == nil else {
            throw CommunityError.forbidden("only the member themselves (or the system) can make a member leave; moderators ban instead")
        }
        let now = environment.clock.now
        let environment = environment
        try await environment.store.write { tx in
            let leaver = try await tx.requireMember(member, in: community)
            if leaver.role == .owner, try await tx.memberCount(in: community, role: .owner) <= 1 {
                throw CommunityError.conflict("the last owner cannot leave: make another member owner first", field: "member")
            }
            try await tx.deleteMember(member, in: community)
            try await tx.recordActivity(.memberLeft, by: actor, subject: SubjectRef("member", member), community: community, at: now, ids: environment.ids)
        }
    }

    /// Edits a member's profile (by the member themselves, an admin, or the system).
    /// - Throws: `invalidInput`, `conflict` (handle taken), `forbidden`.
    @discardableResult
    public func updateProfile(of member: MemberID, in community: CommunityID, to profile: MemberProfile, by actor: Principal) async throws -> Member {
        let profile = try Validate.profile(profile)
        let now = environment.clock.now
        let environment = environment
        return try await environment.store.write { tx in
            let acting = try await tx.acting(actor, in: community, at: now)
            if let editor = acting.member {
                let allowed = editor.id == member ? acting.status == .active : environment.policy.allows(.changeRoles, role: editor.role, status: acting.status)
                guard allowed else { throw CommunityError.forbidden("only the member or an admin may edit this profile") }
            }
            var updated = try await tx.requireMember(member, in: community)
            updated.handle = profile.handle
            updated.displayName = profile.displayName
            updated.bio = profile.bio
            updated.avatarURL = profile.avatarURL
            updated.interests = profile.interests
            updated.isBot = profile.isBot
            try await tx.update(updated)
            try await tx.recordActivity(.memberProfileUpdated, by: actor, subject: SubjectRef("member", member), community: community, at: now, ids: environment.ids)
            return updated
        }
    }

    // MARK: Invitations

    /// Creates an invitation to the community, optionally into a space as well.
    /// - Parameters:
    ///   - community: The community.
    ///   - role: The role the invitee gets; at most the inviter's own role (members invite
    ///     members and guests).
    ///   - space: A space the invitee also enters; the inviter must manage its members (or, for
    ///     a public space, read it).
    ///   - expiresIn: Lifetime; the community's default when `nil`. 60 s … 365 days.
    /// - Returns: The invitation; hand its ``Invitation/token`` to the invitee.
    /// - Throws: `forbidden`, `invalidInput`, `notFound`.
    public func invite(to community: CommunityID, role: Role = .member, space: SpaceID? = nil, expiresIn: TimeInterval? = nil, by actor: Principal) async throws -> Invitation {
        if let expiresIn, !(60...(365 * 86_400)).contains(expiresIn) {
            throw CommunityError.invalidInput("expiresIn must be between 60 seconds and 365 days", field: "expiresIn")
        }
        let now = environment.clock.now
        let environment = environment
        return try await environment.store.write { tx in
            let acting = try await tx.authorize(.inviteMembers, by: actor, in: community, policy: environment.policy, at: now)
            let target = try await tx.requireCommunity(community)
            if !acting.isSystem {
                let ceiling: Role = acting.role.isStaff ? acting.role : .member
                guard role <= ceiling else {
                    throw CommunityError.forbidden("a \(acting.role.rawValue) may invite with a role up to \(ceiling.rawValue), not \(role.rawValue)")
                }
            }
            if let space {
                let visibility = try await tx.requireSpace(space, in: community).visibility
                try await tx.authorize(visibility == .public ? .read : .manageMembers, by: actor, space: space, in: community,
                                       policy: environment.policy, at: now)
            }
            let invitation = Invitation(
                id: environment.ids.next(at: now), communityID: community, spaceID: space, token: Self.makeToken(), role: role,
                invitedBy: actor, createdAt: now, expiresAt: now.addingTimeInterval(expiresIn ?? target.settings.invitationLifetime))
            try await tx.insert(invitation)
            try await tx.recordActivity(.invitationCreated, by: actor, subject: SubjectRef("invitation", invitation.id), community: community,
                                        space: space, at: now, ids: environment.ids, payload: ["role": role.rawValue])
            return invitation
        }
    }

    static func usableInvitation(_ token: String, community: CommunityID, tx: any StoreReadTransaction, now: Date) async throws -> Invitation {
        guard let invitation = try await tx.invitation(token: token), invitation.communityID == community else {
            throw CommunityError.notFound("no invitation with this token in this community", field: "invitationToken")
        }
        guard invitation.redeemedBy == nil else {
            throw CommunityError.conflict("this invitation was already used", field: "invitationToken")
        }
        guard invitation.expiresAt > now else {
            throw CommunityError(.expired, "this invitation expired at \(invitation.expiresAt); ask for a new one", field: "invitationToken")
        }
        return invitation
    }

    static func redeem(_ invitation: inout Invitation, member: Member, tx: any StoreWriteTransaction, now: Date, ids: IDGenerator) async throws {
        invitation.redeemedBy = member.id
        try await tx.update(invitation)
        try await tx.recordActivity(.invitationRedeemed, by: .member(member.id), subject: SubjectRef("invitation", invitation.id),
                                    community: invitation.communityID, space: invitation.spaceID, at: now, ids: ids)
        if let space = invitation.spaceID, try await tx.space(space, in: invitation.communityID) != nil,
           try await tx.membership(of: member.id, in: space) == nil {
            try await tx.upsert(Membership(communityID: invitation.communityID, spaceID: space, memberID: member.id, joinedAt: now))
            try await tx.recordActivity(.spaceJoined, by: .member(member.id), subject: SubjectRef("member", member.id),
                                        community: invitation.communityID, space: space, at: now, ids: ids)
        }
    }

    static func makeToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
