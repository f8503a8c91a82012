import CommunityCore
import CommunityTesting
import Foundation
import Testing

@Suite struct MemberServiceTests {
    @Test func adminsManageRolesBelowThemOwnersManageEveryone() async throws {
        let f = try await CommunityFixture.make(members: 3)
        let members = f.memberService, id = f.community.id, owner = Principal.member(f.owner.id)
        let admin = try await members.changeRole(of: f.members[0].id, in: id, to: .admin, by: owner)
        #expect(try await members.changeRole(of: f.members[1].id, in: id, to: .admin, by: .member(admin.id)).role == .admin)
        await #expect(throws: CommunityError.self) {
            try await members.changeRole(of: f.members[1].id, in: id, to: .member, by: .member(admin.id))
        }
        await #expect(throws: CommunityError.self) {
            try await members.changeRole(of: f.owner.id, in: id, to: .member, by: .member(admin.id))
        }
        _ = try await members.changeRole(of: f.members[2].id, in: id, to: .owner, by: owner)
        _ = try await members.changeRole(of: f.owner.id, in: id, to: .member, by: owner)
        #expect(try await members.member(f.owner.id, in: id, by: owner).role == .member, "a second owner lets the first step down")
    }

    @Test func suspensionLapsesWithTheClockWithoutAnyWrite() async throws {
        let f = try await CommunityFixture.make(members: 1, spaces: 1)
        let members = f.memberService, id = f.community.id, bob = f.members[0].id
        try await members.suspend(bob, in: id, for: 86_400, reason: "flame war", by: .member(f.owner.id))
        await #expect(throws: CommunityError.self) { try await members.invite(to: id, by: .member(bob)) }
        f.clock.advance(by: 86_400)
        _ = try await members.invite(to: id, by: .member(bob))
    }

    @Test func invitationOnlyCommunitiesNeedAToken() async throws {
        let f = try await CommunityFixture.make(members: 0)
        let id = f.community.id
        var settings = f.community.settings
        settings.joinPolicy = .invitationOnly
        try await f.communityService.updateCommunity(id, settings: settings, by: .member(f.owner.id))
        await #expect(throws: CommunityError.self) {
            try await f.memberService.join(id, profile: MemberProfile(handle: "eve", displayName: "Eve"))
        }
        let invitation = try await f.memberService.invite(to: id, role: .moderator, by: .member(f.owner.id))
        let eve = try await f.memberService.join(id, profile: MemberProfile(handle: "eve", displayName: "Eve"), invitationToken: invitation.token)
        #expect(eve.role == .moderator)
    }

    @Test func secretSpaceMembershipNeverLeaks() async throws {
        let f = try await CommunityFixture.make(members: 2, spaces: 2, visibilities: [.public, .secret])
        let members = f.memberService, id = f.community.id
        let (insider, outsider) = (f.members[0].id, f.members[1].id)
        try await members.addMember(insider, toSpace: f.spaces[1].id, in: id, by: .member(f.owner.id))
        let seenByOutsider = try await f.communityService.spaces(in: id, viewer: .member(outsider))
        #expect(seenByOutsider.items.map(\.id) == [f.spaces[0].id])
        let seenByInsider = try await f.communityService.spaces(in: id, viewer: .member(insider))
        #expect(seenByInsider.items.map(\.id) == f.spaces.map(\.id))
        await #expect(throws: CommunityError.self) { try await members.spaceMembers(of: f.spaces[1].id, in: id, by: .member(outsider)) }
        let profile = try await members.member(insider, in: id, by: .member(outsider))
        #expect(profile.id == insider)
    }

    @Test func directoryPagesAreCompleteAndOrdered() async throws {
        let f = try await CommunityFixture.make(members: 23)
        var seen: [MemberID] = []
        var cursor: PageCursor?
        repeat {
            let page = try await f.memberService.directory(of: f.community.id, after: cursor, limit: 5, by: .member(f.owner.id))
            seen += page.items.map(\.id)
            cursor = page.nextCursor
        } while cursor != nil
        #expect(seen == [f.owner.id] + f.members.map(\.id))
    }

    @Test func everyWriteAppendsItsActivity() async throws {
        let f = try await CommunityFixture.make(members: 1, spaces: 1)
        let before = try await f.communityService.activities(in: f.community.id, limit: 1000, by: .system("test")).count
        try await f.memberService.joinSpace(f.spaces[0].id, in: f.community.id, member: f.members[0].id)
        let log = try await f.communityService.activities(in: f.community.id, limit: 1000, by: .system("test"))
        #expect(log.count == before + 1)
        #expect(log.last?.verb == .spaceJoined)
        #expect(log.last?.actor == .member(f.members[0].id))
        #expect(log.last?.spaceID == f.spaces[0].id)
        #expect(log.last?.occurredAt == f.clock.now)
    }
}
