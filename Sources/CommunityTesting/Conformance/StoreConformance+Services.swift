import CommunityCore
import Foundation

extension StoreConformance {
    func memberLifecycle(_ store: any CommunityStore, _ check: ConformanceCheck) async throws {
        let fixture = try await CommunityFixture.make(
            slug: "life", members: 3, spaces: 3, visibilities: [.public, .private, .secret], store: store)
        let members = fixture.memberService
        let community = fixture.community.id
        let owner = Principal.member(fixture.owner.id)
        let (ada, bob, cyd) = (fixture.members[0], fixture.members[1], fixture.members[2])
        let (publicSpace, privateSpace, secretSpace) = (fixture.spaces[0], fixture.spaces[1], fixture.spaces[2])

        // Invitation into the secret space: joins the community and the space; single use; expiry.
        let invitation = try await members.invite(to: community, role: .member, space: secretSpace.id, by: owner)
        let dee = try await members.join(community, profile: MemberProfile(handle: "dee", displayName: "Dee"), invitationToken: invitation.token)
        try check.that(try await store.read { tx in try await tx.membership(of: dee.id, in: secretSpace.id) } != nil, "invitation grants its space")
        try await check.throwsCode(.conflict, "an invitation is single use") {
            try await members.join(community, profile: MemberProfile(handle: "eve", displayName: "Eve"), invitationToken: invitation.token)
        }
        let shortLived = try await members.invite(to: community, expiresIn: 120, by: owner)
        fixture.clock.advance(by: 121)
        try await check.throwsCode(.expired, "an expired invitation") {
            try await members.join(community, profile: MemberProfile(handle: "eve", displayName: "Eve"), invitationToken: shortLived.token)
        }

        // Secret spaces do not exist for outsiders; private spaces are requested and approved.
        try await check.throwsCode(.notFound, "a secret space is invisible to outsiders") {
            try await members.joinSpace(secretSpace.id, in: community, member: ada.id)
        }
        try await check.throwsCode(.forbidden, "a private space is not joined directly") {
            try await members.joinSpace(privateSpace.id, in: community, member: ada.id)
        }
        let request = try await members.requestToJoin(privateSpace.id, in: community, message: "hi", member: ada.id)
        try await check.throwsCode(.conflict, "one pending request per space") {
            try await members.requestToJoin(privateSpace.id, in: community, member: ada.id)
        }
        try await check.throwsCode(.forbidden, "a member cannot approve") {
            try await members.approve(request.id, in: community, by: .member(bob.id))
        }
        try check.equal(try await members.approve(request.id, in: community, by: owner).state, .approved, "approved")
        try check.that(try await store.read { tx in try await tx.membership(of: ada.id, in: privateSpace.id) } != nil, "approval grants the space")
        try await check.throwsCode(.conflict, "a decided request cannot be decided again") {
            try await members.reject(request.id, in: community, by: owner)
        }
        try await members.joinSpace(publicSpace.id, in: community, member: bob.id)

        // Roles: only admins and owners; the last owner stays.
        try await check.throwsCode(.forbidden, "a member cannot change roles") {
            try await members.changeRole(of: cyd.id, in: community, to: .moderator, by: .member(bob.id))
        }
        try check.equal(try await members.changeRole(of: bob.id, in: community, to: .moderator, by: owner).role, .moderator, "promoted")
        try await check.throwsCode(.conflict, "the last owner cannot be demoted") {
            try await members.changeRole(of: fixture.owner.id, in: community, to: .admin, by: owner)
        }
        try await check.throwsCode(.conflict, "the last owner cannot leave") {
            try await members.leave(community, member: fixture.owner.id, by: owner)
        }

        // Suspension: read-only until it lapses; a moderator cannot suspend a peer moderator.
        try await members.suspend(cyd.id, in: community, for: 3600, reason: "cool down", by: .member(bob.id))
        try await check.throwsCode(.forbidden, "a suspended member cannot join a space") {
            try await members.joinSpace(publicSpace.id, in: community, member: cyd.id)
        }
        fixture.clock.advance(by: 3601)
        try await members.joinSpace(publicSpace.id, in: community, member: cyd.id)

        // Ban and reinstate.
        try await check.throwsCode(.forbidden, "moderators do not ban") {
            try await members.ban(cyd.id, in: community, reason: "spam", by: .member(bob.id))
        }
        try await members.ban(cyd.id, in: community, reason: "spam", by: owner)
        try await check.throwsCode(.forbidden, "a banned member cannot browse the directory") {
            try await members.directory(of: community, by: .member(cyd.id))
        }
        try check.equal(try await members.reinstate(cyd.id, in: community, by: owner).status, .active, "reinstated")

        // Directory and leaving.
        try check.equal(try await members.directory(of: community, matching: "member", by: .member(ada.id)).items.map(\.id),
                        [ada.id, bob.id, cyd.id], "directory search")
        try await members.leave(community, member: dee.id, by: .member(dee.id))
        try check.equal(try await store.read { tx in try await tx.member(dee.id, in: community) }, nil, "left")

        let verbs = try await store.read { tx in try await tx.activities(in: community, after: 0, limit: 1000) }.map(\.verb)
        for verb in [ActivityVerb.invitationCreated, .invitationRedeemed, .joinRequested, .joinApproved, .spaceJoined,
                     .memberRoleChanged, .memberSuspended, .memberBanned, .memberReinstated, .memberLeft] {
            try check.that(verbs.contains(verb), "the log records \(verb)")
        }
    }

    func concurrentJoins(_ store: any CommunityStore, _ check: ConformanceCheck) async throws {
        let fixture = try await CommunityFixture.make(slug: "crowd", members: 0, spaces: 0, store: store)
        let members = fixture.memberService
        let community = fixture.community.id
        let attempts = 1000, distinctHandles = 100
        let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<attempts {
                group.addTask {
                    do {
                        _ = try await members.join(community, profile: MemberProfile(handle: "user-\(index % distinctHandles)", displayName: "User \(index)"))
                        return true
                    } catch let error as CommunityError where error.code == .conflict {
                        return false
                    }
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        try check.equal(outcomes.filter { $0 }.count, distinctHandles, "exactly one join per handle succeeds")
        let snapshot = try await StoreSnapshot.capture(store, communities: [community])
        try check.equal(snapshot.members.count, distinctHandles + 1, "members stored (with the owner)")
        try check.equal(Set(snapshot.members.map(\.handle)).count, snapshot.members.count, "handles are unique")
        try check.equal(snapshot.activities.filter { $0.verb == .memberJoined }.count, distinctHandles + 1, "one join activity per member")
        try check.equal(try await store.read { tx in try await tx.memberCount(in: community, role: nil) }, distinctHandles + 1, "count index agrees")
    }
}
