import CommunityCore
import CommunityTesting
import Foundation
import Testing

/// Every entry point refuses bad input with a typed error and leaves the store exactly as it was.
@Suite struct BadInputTests {
    struct BadCall: CustomTestStringConvertible, Sendable {
        var name: String
        var code: CommunityError.Code
        var field: String?
        var call: @Sendable (World) async throws -> Void
        var testDescription: String { name }
    }

    /// A community with an owner, a moderator, a member, a guest, and public/private/secret spaces.
    struct World: Sendable {
        let fixture: CommunityFixture
        var id: CommunityID { fixture.community.id }
        var owner: Principal { .member(fixture.owner.id) }
        var moderator: Member { fixture.members[0] }
        var member: Member { fixture.members[1] }
        var guest: Member { fixture.members[2] }
        var publicSpace: Space { fixture.spaces[0] }
        var privateSpace: Space { fixture.spaces[1] }
        var secretSpace: Space { fixture.spaces[2] }
        var members: MemberService { fixture.memberService }
        var communities: CommunityService { fixture.communityService }

        static func make() async throws -> World {
            let fixture = try await CommunityFixture.make(members: 3, spaces: 3, visibilities: [.public, .private, .secret])
            let world = World(fixture: fixture)
            try await world.members.changeRole(of: world.moderator.id, in: world.id, to: .moderator, by: world.owner)
            try await world.members.changeRole(of: world.guest.id, in: world.id, to: .guest, by: world.owner)
            return world
        }
    }

    static let profile = MemberProfile(handle: "newcomer", displayName: "Newcomer")

    static func with(_ change: (inout MemberProfile) -> Void) -> MemberProfile {
        var profile = Self.profile
        change(&profile)
        return profile
    }

    static let calls: [BadCall] = [
        BadCall(name: "createCommunity: empty name", code: .invalidInput, field: "name") { w in
            _ = try await w.communities.createCommunity(name: "   ", slug: "x", owner: profile)
        },
        BadCall(name: "createCommunity: taken slug", code: .conflict, field: "slug") { w in
            _ = try await w.communities.createCommunity(name: "Again", slug: "fixture", owner: profile)
        },
        BadCall(name: "createCommunity: bad slug", code: .invalidInput, field: "slug") { w in
            _ = try await w.communities.createCommunity(name: "X", slug: "Bad Slug", owner: profile)
        },
        BadCall(name: "createCommunity: bad colour", code: .invalidInput, field: "branding.accentColor") { w in
            _ = try await w.communities.createCommunity(name: "X", slug: "x", branding: Branding(accentColor: "red"), owner: profile)
        },
        BadCall(name: "createCommunity: ftp logo", code: .invalidInput, field: "branding.logoURL") { w in
            _ = try await w.communities.createCommunity(name: "X", slug: "x", branding: Branding(logoURL: URL(string: "ftp://x.org/a.png")), owner: profile)
        },
        BadCall(name: "createCommunity: bad domain", code: .invalidInput, field: "branding.customDomain") { w in
            _ = try await w.communities.createCommunity(name: "X", slug: "x", branding: Branding(customDomain: "-bad-.com"), owner: profile)
        },
        BadCall(name: "createCommunity: unknown time zone", code: .invalidInput, field: "settings.timeZoneIdentifier") { w in
            _ = try await w.communities.createCommunity(name: "X", slug: "x", settings: CommunitySettings(timeZoneIdentifier: "Mars/Olympus"), owner: profile)
        },
        BadCall(name: "createCommunity: control character in name", code: .invalidInput, field: "name") { w in
            _ = try await w.communities.createCommunity(name: "Bad\u{0007}Name", slug: "x", owner: profile)
        },
        BadCall(name: "createCommunity: name of 81 characters", code: .invalidInput, field: "name") { w in
            _ = try await w.communities.createCommunity(name: String(repeating: "é", count: 81), slug: "x", owner: profile)
        },
        BadCall(name: "updateCommunity: by a member", code: .forbidden) { w in
            _ = try await w.communities.updateCommunity(w.id, name: "Mine", by: .member(w.member.id))
        },
        BadCall(name: "updateCommunity: description too long", code: .invalidInput, field: "description") { w in
            _ = try await w.communities.updateCommunity(w.id, description: String(repeating: "a", count: 2001), by: w.owner)
        },
        BadCall(name: "updateCommunity: unknown community", code: .notFound) { w in
            _ = try await w.communities.updateCommunity(CommunityID(high: 9, low: 9), name: "X", by: .system("test"))
        },
        BadCall(name: "createSpace: by a moderator", code: .forbidden) { w in
            _ = try await w.communities.createSpace(in: w.id, name: "Mods", slug: "mods", by: .member(w.moderator.id))
        },
        BadCall(name: "createSpace: taken slug", code: .conflict, field: "slug") { w in
            _ = try await w.communities.createSpace(in: w.id, name: "Again", slug: "space-1", by: w.owner)
        },
        BadCall(name: "createSpace: bad tag", code: .invalidInput, field: "tags") { w in
            _ = try await w.communities.createSpace(in: w.id, name: "T", slug: "t", tags: ["no spaces"], by: w.owner)
        },
        BadCall(name: "updateSpace: secret space by an outsider", code: .notFound, field: "space") { w in
            _ = try await w.communities.updateSpace(w.secretSpace.id, in: w.id, name: "Mine", by: .member(w.member.id))
        },
        BadCall(name: "updateSpace: empty name", code: .invalidInput, field: "name") { w in
            _ = try await w.communities.updateSpace(w.publicSpace.id, in: w.id, name: "", by: w.owner)
        },
        BadCall(name: "join: taken handle, other case", code: .conflict, field: "handle") { w in
            _ = try await w.members.join(w.id, profile: MemberProfile(handle: "MEMBER-1", displayName: "Clash"))
        },
        BadCall(name: "join: handle with a space", code: .invalidInput, field: "handle") { w in
            _ = try await w.members.join(w.id, profile: with { $0.handle = "two words" })
        },
        BadCall(name: "join: one-letter handle", code: .invalidInput, field: "handle") { w in
            _ = try await w.members.join(w.id, profile: with { $0.handle = "a" })
        },
        BadCall(name: "join: whitespace display name", code: .invalidInput, field: "displayName") { w in
            _ = try await w.members.join(w.id, profile: with { $0.displayName = " \n\t " })
        },
        BadCall(name: "join: bio of 501 characters", code: .invalidInput, field: "bio") { w in
            _ = try await w.members.join(w.id, profile: with { $0.bio = String(repeating: "👩‍👩‍👧", count: 501) })
        },
        BadCall(name: "join: relative avatar URL", code: .invalidInput, field: "avatarURL") { w in
            _ = try await w.members.join(w.id, profile: with { $0.avatarURL = URL(string: "/avatar.png") })
        },
        BadCall(name: "join: 21 interests", code: .invalidInput, field: "interests") { w in
            _ = try await w.members.join(w.id, profile: with { $0.interests = (0...20).map { "t\($0)" } })
        },
        BadCall(name: "join: as admin", code: .invalidInput, field: "role") { w in
            _ = try await w.members.join(w.id, profile: profile, role: .admin)
        },
        BadCall(name: "join: unknown invitation", code: .notFound, field: "invitationToken") { w in
            _ = try await w.members.join(w.id, profile: profile, invitationToken: "nope")
        },
        BadCall(name: "join: unknown community", code: .notFound) { w in
            _ = try await w.members.join(CommunityID(high: 7, low: 7), profile: profile)
        },
        BadCall(name: "acceptInvitation: unknown token", code: .notFound) { w in
            _ = try await w.members.acceptInvitation("nope", member: w.member.id, in: w.id)
        },
        BadCall(name: "leave: someone else", code: .forbidden) { w in
            try await w.members.leave(w.id, member: w.member.id, by: .member(w.moderator.id))
        },
        BadCall(name: "leave: last owner", code: .conflict, field: "member") { w in
            try await w.members.leave(w.id, member: w.fixture.owner.id, by: w.owner)
        },
        BadCall(name: "updateProfile: another member's", code: .forbidden) { w in
            _ = try await w.members.updateProfile(of: w.moderator.id, in: w.id, to: profile, by: .member(w.member.id))
        },
        BadCall(name: "updateProfile: taken handle", code: .conflict, field: "handle") { w in
            _ = try await w.members.updateProfile(of: w.member.id, in: w.id, to: with { $0.handle = "owner" }, by: .member(w.member.id))
        },
        BadCall(name: "invite: by a guest", code: .forbidden) { w in
            _ = try await w.members.invite(to: w.id, by: .member(w.guest.id))
        },
        BadCall(name: "invite: member invites an admin", code: .forbidden) { w in
            _ = try await w.members.invite(to: w.id, role: .admin, by: .member(w.member.id))
        },
        BadCall(name: "invite: lifetime of 10 seconds", code: .invalidInput, field: "expiresIn") { w in
            _ = try await w.members.invite(to: w.id, expiresIn: 10, by: w.owner)
        },
        BadCall(name: "invite: into a secret space by an outsider", code: .notFound, field: "space") { w in
            _ = try await w.members.invite(to: w.id, space: w.secretSpace.id, by: .member(w.member.id))
        },
        BadCall(name: "joinSpace: private", code: .forbidden) { w in
            _ = try await w.members.joinSpace(w.privateSpace.id, in: w.id, member: w.member.id)
        },
        BadCall(name: "joinSpace: guest into public", code: .forbidden) { w in
            _ = try await w.members.joinSpace(w.publicSpace.id, in: w.id, member: w.guest.id)
        },
        BadCall(name: "joinSpace: unknown space", code: .notFound, field: "space") { w in
            _ = try await w.members.joinSpace(SpaceID(high: 3, low: 3), in: w.id, member: w.member.id)
        },
        BadCall(name: "addMember: by a plain member", code: .forbidden) { w in
            _ = try await w.members.addMember(w.guest.id, toSpace: w.publicSpace.id, in: w.id, by: .member(w.member.id))
        },
        BadCall(name: "leaveSpace: not in it", code: .notFound) { w in
            try await w.members.leaveSpace(w.publicSpace.id, in: w.id, member: w.member.id, by: .member(w.member.id))
        },
        BadCall(name: "requestToJoin: public space", code: .forbidden) { w in
            _ = try await w.members.requestToJoin(w.publicSpace.id, in: w.id, member: w.member.id)
        },
        BadCall(name: "requestToJoin: message too long", code: .invalidInput, field: "message") { w in
            _ = try await w.members.requestToJoin(w.privateSpace.id, in: w.id, message: String(repeating: "x", count: 501), member: w.member.id)
        },
        BadCall(name: "approve: unknown request", code: .notFound, field: "request") { w in
            _ = try await w.members.approve(JoinRequestID(high: 5, low: 5), in: w.id, by: w.owner)
        },
        BadCall(name: "joinRequests: bad cursor", code: .invalidInput, field: "after") { w in
            _ = try await w.members.joinRequests(in: w.privateSpace.id, of: w.id, after: PageCursor("garbage"), by: w.owner)
        },
        BadCall(name: "spaceMembers: secret space by an outsider", code: .notFound, field: "space") { w in
            _ = try await w.members.spaceMembers(of: w.secretSpace.id, in: w.id, by: .member(w.member.id))
        },
        BadCall(name: "spaceMembers: private space by an outsider", code: .forbidden) { w in
            _ = try await w.members.spaceMembers(of: w.privateSpace.id, in: w.id, by: .member(w.member.id))
        },
        BadCall(name: "changeRole: by a moderator", code: .forbidden) { w in
            _ = try await w.members.changeRole(of: w.member.id, in: w.id, to: .moderator, by: .member(w.moderator.id))
        },
        BadCall(name: "changeRole: unknown member", code: .notFound, field: "member") { w in
            _ = try await w.members.changeRole(of: MemberID(high: 4, low: 4), in: w.id, to: .moderator, by: w.owner)
        },
        BadCall(name: "setSpaceRole: admin override", code: .invalidInput, field: "role") { w in
            _ = try await w.members.setSpaceRole(of: w.member.id, in: w.publicSpace.id, of: w.id, to: .admin, by: w.owner)
        },
        BadCall(name: "suspend: zero duration", code: .invalidInput, field: "duration") { w in
            _ = try await w.members.suspend(w.member.id, in: w.id, for: 0, reason: "x", by: w.owner)
        },
        BadCall(name: "suspend: empty reason", code: .invalidInput, field: "reason") { w in
            _ = try await w.members.suspend(w.member.id, in: w.id, for: 3600, reason: " ", by: w.owner)
        },
        BadCall(name: "suspend: a peer moderator", code: .forbidden) { w in
            let other = try await w.members.join(w.id, profile: MemberProfile(handle: "mod2", displayName: "Mod 2"))
            _ = try await w.members.changeRole(of: other.id, in: w.id, to: .moderator, by: w.owner)
            _ = try await w.members.suspend(other.id, in: w.id, for: 3600, reason: "x", by: .member(w.moderator.id))
        },
        BadCall(name: "ban: the owner", code: .forbidden) { w in
            _ = try await w.members.ban(w.fixture.owner.id, in: w.id, reason: "x", by: .system("test"))
        },
        BadCall(name: "reinstate: a member in good standing", code: .conflict, field: "member") { w in
            _ = try await w.members.reinstate(w.member.id, in: w.id, by: w.owner)
        },
        BadCall(name: "directory: limit 0", code: .invalidInput, field: "limit") { w in
            _ = try await w.members.directory(of: w.id, limit: 0, by: w.owner)
        },
        BadCall(name: "directory: query of punctuation", code: .invalidInput, field: "query") { w in
            _ = try await w.members.directory(of: w.id, matching: "!!!", by: w.owner)
        },
        BadCall(name: "directory: by a guest", code: .forbidden) { w in
            _ = try await w.members.directory(of: w.id, by: .member(w.guest.id))
        },
        BadCall(name: "member: unknown", code: .notFound, field: "member") { w in
            _ = try await w.members.member(MemberID(high: 2, low: 2), in: w.id, by: w.owner)
        },
        BadCall(name: "spaces: limit 201", code: .invalidInput, field: "limit") { w in
            _ = try await w.communities.spaces(in: w.id, viewer: w.owner, limit: 201)
        },
        BadCall(name: "activities: by a member", code: .forbidden) { w in
            _ = try await w.communities.activities(in: w.id, by: .member(w.member.id))
        },
        BadCall(name: "community: malformed slug", code: .invalidInput, field: "slug") { w in
            _ = try await w.communities.community(slug: "NOT A SLUG")
        },
        BadCall(name: "space: by a member of another community", code: .forbidden) { w in
            let other = try await CommunityFixture.make(slug: "elsewhere", store: w.fixture.environment.store, ids: w.fixture.environment.ids)
            _ = try await w.communities.space(w.publicSpace.id, in: w.id, viewer: .member(other.owner.id))
        },
    ]

    @Test(arguments: calls)
    func refusedWithoutChange(_ bad: BadCall) async throws {
        let world = try await World.make()
        let store = world.fixture.environment.store
        let before = try await StoreSnapshot.capture(store, communities: [world.id])
        let communitiesBefore = try await store.read { tx in try await tx.community(slug: "x") }
        do {
            try await bad.call(world)
            Issue.record("expected \(bad.code), but the call succeeded")
        } catch let error as CommunityError {
            #expect(error.code == bad.code, "\(error)")
            if let field = bad.field { #expect(error.field == field, "\(error)") }
            #expect(!error.message.isEmpty)
        }
        let after = try await StoreSnapshot.capture(store, communities: [world.id])
        if bad.name.hasPrefix("suspend: a peer") {
            // The setup of this case (a second moderator) is a legitimate change; the refused call adds nothing after it.
            #expect(after.activities.last?.verb == .memberRoleChanged)
        } else {
            #expect(after == before, "the store changed")
        }
        #expect(try await store.read { tx in try await tx.community(slug: "x") } == communitiesBefore)
    }
}
