import CommunityCore
import CommunitySQLite
import Foundation
import Testing

@Suite struct SQLiteStoreRecordTests {
    let folder: TemporaryFolder
    let store: SQLiteCommunityStore
    let f = Fixtures()

    init() throws {
        folder = try TemporaryFolder()
        store = try .sqlite(path: folder.path())
    }

    @Test func communitiesRoundTripAndSlugsAreUnique() async throws {
        let community = f.community()
        try await store.write { try await $0.insert(community) }
        #expect(try await store.read { try await $0.community(community.id) } == community)
        #expect(try await store.read { try await $0.community(slug: "swift-paris") } == community)

        var other = f.community()
        await #expect(throws: CommunityError.self) { try await store.write { try await $0.insert(other) } }
        other.slug = "swift-lyon"
        try await store.write { try await $0.insert(other) }
        var renamed = other
        renamed.slug = "swift-paris"
        do {
            try await store.write { try await $0.update(renamed) }
            Issue.record("expected a conflict")
        } catch let error as CommunityError {
            #expect(error.code == .conflict)
            #expect(error.field == "slug")
        }
        renamed.slug = "swift-nantes"
        renamed.name = "Swift Nantes"
        try await store.write { try await $0.update(renamed) }
        #expect(try await store.read { try await $0.community(other.id) } == renamed)
        let ghost = f.community(slug: "ghost")
        await #expect(throws: CommunityError.self) { try await store.write { try await $0.update(ghost) } }
    }

    @Test func membersRoundTripPageAndCount() async throws {
        let community = f.community()
        try await store.write { try await $0.insert(community) }
        var members: [Member] = []
        for index in 0..<25 {
            members.append(f.member(community.id, handle: "user\(index)", role: index < 3 ? .admin : .member))
        }
        members[4].status = .suspended(until: f.epoch.addingTimeInterval(86_400.25), reason: "spam")
        members[5].status = .banned(reason: "troll")
        members[6].avatarURL = nil
        members[7].isBot = true
        try await store.write { tx in
            for member in members { try await tx.insert(member) }
        }
        #expect(try await store.read { try await $0.member(members[4].id, in: community.id) } == members[4])
        #expect(try await store.read { try await $0.member(handle: "user5", in: community.id) } == members[5])

        var collected: [Member] = []
        var cursor: MemberID?
        while true {
            let page = try await store.read { [cursor] in try await $0.members(in: community.id, after: cursor, limit: 10) }
            collected += page
            guard let last = page.last else { break }
            cursor = last.id
        }
        #expect(collected == members)
        #expect(try await store.read { try await $0.memberCount(in: community.id, role: nil) } == 25)
        #expect(try await store.read { try await $0.memberCount(in: community.id, role: .admin) } == 3)
        #expect(try await store.read { try await $0.members(in: community.id, after: nil, limit: 0) }.isEmpty)
        #expect(try await store.read { try await $0.members(in: community.id, after: nil, limit: -1) }.isEmpty)
    }

    @Test func handlesAreUniquePerCommunity() async throws {
        let a = f.community(slug: "a"), b = f.community(slug: "b")
        try await store.write { tx in
            try await tx.insert(a)
            try await tx.insert(b)
            try await tx.insert(f.member(a.id, handle: "ada"))
            try await tx.insert(f.member(b.id, handle: "ada"))
        }
        do {
            try await store.write { try await $0.insert(f.member(a.id, handle: "ada")) }
            Issue.record("expected a conflict")
        } catch let error as CommunityError {
            #expect(error.code == .conflict)
            #expect(error.field == "handle")
        }
        do {
            try await store.write { try await $0.insert(f.member(f.id(), handle: "bob")) }
            Issue.record("expected notFound")
        } catch let error as CommunityError {
            #expect(error.code == .notFound)
        }
        // Tenancy: a member is not visible through another community.
        let ada = try #require(try await store.read { try await $0.member(handle: "ada", in: a.id) })
        #expect(try await store.read { try await $0.member(ada.id, in: b.id) } == nil)
    }

    @Test func thrownBodyRollsBackEverything() async throws {
        let community = f.community()
        struct Boom: Error {}
        await #expect(throws: Boom.self) {
            try await store.write { tx in
                try await tx.insert(community)
                try await tx.insert(f.member(community.id, handle: "ada"))
                _ = try await tx.append(f.activity(community.id))
                throw Boom()
            }
        }
        #expect(try await store.read { try await $0.community(community.id) } == nil)
        #expect(try await store.read { try await $0.lastActivitySequence() } == 0)
        // A caught conflict inside the body does not undo the body's other writes.
        try await store.write { tx in
            try await tx.insert(community)
            try await tx.insert(f.member(community.id, handle: "ada"))
            do { try await tx.insert(f.member(community.id, handle: "ada")) } catch {}
        }
        #expect(try await store.read { try await $0.memberCount(in: community.id, role: nil) } == 1)
    }

    @Test func directorySearchFoldsCaseAndDiacritics() async throws {
        let community = f.community()
        let eloise = f.member(community.id, handle: "eloise_m", name: "Éloïse Martin", interests: ["SwiftUI", "design"])
        let elodie = f.member(community.id, handle: "elo", name: "Élodie Durand", interests: ["server"])
        let bob = f.member(community.id, handle: "bob", name: "Bob Martin", interests: ["design"])
        let other = f.community(slug: "other")
        try await store.write { tx in
            try await tx.insert(community)
            try await tx.insert(other)
            for member in [eloise, elodie, bob] { try await tx.insert(member) }
            try await tx.insert(f.member(other.id, handle: "eloise", name: "Éloïse Other"))
        }
        func search(_ text: String, after: MemberID? = nil, limit: Int = 10) async throws -> [MemberID] {
            let query = try DirectoryQuery(text)
            return try await store.read { try await $0.members(in: community.id, matching: query, after: after, limit: limit) }.map(\.id)
        }
        #expect(try await search("elo") == [eloise.id, elodie.id])
        #expect(try await search("ÉLO mar") == [eloise.id])
        #expect(try await search("martin") == [eloise.id, bob.id])
        #expect(try await search("design") == [eloise.id, bob.id])
        #expect(try await search("design", after: eloise.id) == [bob.id])
        #expect(try await search("elo", limit: 1) == [eloise.id])
        #expect(try await search("zzz").isEmpty)

        var renamed = bob
        renamed.displayName = "Robert Élan"
        try await store.write { try await $0.update(renamed) }
        #expect(try await search("ela") == [bob.id])
        #expect(try await search("martin") == [eloise.id])
        try await store.write { try await $0.deleteMember(bob.id, in: community.id) }
        #expect(try await search("ela").isEmpty)
    }

    @Test func spacesMembershipsAndDeletion() async throws {
        let community = f.community()
        let ada = f.member(community.id, handle: "ada")
        let bob = f.member(community.id, handle: "bob")
        let general = f.space(community.id, slug: "general")
        let secret = f.space(community.id, slug: "secret", visibility: .secret)
        try await store.write { tx in
            try await tx.insert(community)
            try await tx.insert(ada)
            try await tx.insert(bob)
            try await tx.insert(general)
            try await tx.insert(secret)
        }
        await #expect(throws: CommunityError.self) {
            try await store.write { try await $0.insert(f.space(community.id, slug: "general")) }
        }
        #expect(try await store.read { try await $0.space(slug: "secret", in: community.id) } == secret)
        #expect(try await store.read { try await $0.spaces(in: community.id, after: nil, limit: 10) } == [general, secret])
        #expect(try await store.read { try await $0.spaces(in: community.id, after: general.id, limit: 10) } == [secret])

        let m1 = Membership(communityID: community.id, spaceID: general.id, memberID: ada.id, joinedAt: f.epoch)
        let m2 = Membership(communityID: community.id, spaceID: secret.id, memberID: ada.id, roleOverride: .moderator, joinedAt: f.epoch)
        let m3 = Membership(communityID: community.id, spaceID: general.id, memberID: bob.id, joinedAt: f.epoch)
        try await store.write { tx in
            for membership in [m1, m2, m3] { try await tx.upsert(membership) }
        }
        var m1b = m1
        m1b.roleOverride = .guest
        try await store.write { try await $0.upsert(m1b) }
        #expect(try await store.read { try await $0.membership(of: ada.id, in: general.id) } == m1b)
        #expect(try await store.read { try await $0.memberships(in: general.id, after: nil, limit: 10) } == [m1b, m3])
        #expect(try await store.read { try await $0.memberships(of: ada.id, after: nil, limit: 10) } == [m1b, m2])
        #expect(try await store.read { try await $0.memberships(of: ada.id, after: general.id, limit: 10) } == [m2])

        let request = JoinRequest(id: f.id(), communityID: community.id, spaceID: secret.id, memberID: bob.id, message: "let me in", createdAt: f.epoch)
        try await store.write { try await $0.insert(request) }
        #expect(try await store.read { try await $0.pendingJoinRequest(of: bob.id, in: secret.id) } == request)
        await #expect(throws: CommunityError.self) {
            try await store.write { try await $0.insert(JoinRequest(id: f.id(), communityID: community.id, spaceID: secret.id, memberID: bob.id, createdAt: f.epoch)) }
        }
        var decided = request
        decided.state = .rejected
        decided.decidedBy = .member(ada.id)
        decided.decidedAt = f.epoch.addingTimeInterval(60)
        try await store.write { try await $0.update(decided) }
        #expect(try await store.read { try await $0.pendingJoinRequest(of: bob.id, in: secret.id) } == nil)
        #expect(try await store.read { try await $0.joinRequests(in: secret.id, state: .rejected, after: nil, limit: 5) } == [decided])
        #expect(try await store.read { try await $0.joinRequest(decided.id, in: community.id) } == decided)

        try await store.write { try await $0.deleteMembership(of: bob.id, in: general.id) }
        await #expect(throws: CommunityError.self) { try await store.write { try await $0.deleteMembership(of: bob.id, in: general.id) } }
        try await store.write { try await $0.deleteMember(ada.id, in: community.id) }
        #expect(try await store.read { try await $0.memberships(in: general.id, after: nil, limit: 10) }.isEmpty)
        #expect(try await store.read { try await $0.member(ada.id, in: community.id) } == nil)
        await #expect(throws: CommunityError.self) { try await store.write { try await $0.deleteMember(ada.id, in: community.id) } }
        await #expect(throws: CommunityError.self) {
            try await store.write { try await $0.upsert(Membership(communityID: community.id, spaceID: general.id, memberID: ada.id, joinedAt: f.epoch)) }
        }
    }

    @Test func invitationsRoundTrip() async throws {
        let community = f.community()
        let invitation = Invitation(
            id: f.id(), communityID: community.id, spaceID: f.id(), token: "tok-1", role: .moderator,
            invitedBy: .system("importer"), createdAt: f.epoch, expiresAt: f.epoch.addingTimeInterval(3600))
        try await store.write { tx in
            try await tx.insert(community)
            try await tx.insert(invitation)
        }
        #expect(try await store.read { try await $0.invitation(token: "tok-1") } == invitation)
        var redeemed = invitation
        redeemed.redeemedBy = f.id()
        try await store.write { try await $0.update(redeemed) }
        #expect(try await store.read { try await $0.invitation(invitation.id, in: community.id) } == redeemed)
        #expect(try await store.read { try await $0.invitation(invitation.id, in: f.id()) } == nil)
        var duplicate = invitation
        duplicate.id = f.id()
        await #expect(throws: CommunityError.self) { try await store.write { try await $0.insert(duplicate) } }
    }

    @Test func activitiesAreSequencedAndWakeWaiters() async throws {
        let community = f.community()
        let space = f.space(community.id, slug: "general")
        try await store.write { tx in
            try await tx.insert(community)
            try await tx.insert(space)
        }
        let first = try await store.write { try await $0.append(f.activity(community.id)) }
        #expect(first.sequence == 1)
        let more = try await store.write { tx in
            [try await tx.append(f.activity(community.id, space: space.id)), try await tx.append(f.activity(community.id))]
        }
        #expect(more.map(\.sequence) == [2, 3])
        #expect(try await store.read { try await $0.activities(in: community.id, after: 0, limit: 10) } == [first] + more)
        #expect(try await store.read { try await $0.activities(in: community.id, after: 1, limit: 1) } == [more[0]])
        #expect(try await store.read { try await $0.activities(inSpace: space.id, of: community.id, after: 0, limit: 10) } == [more[0]])
        #expect(try await store.read { try await $0.activities(in: f.id(), after: 0, limit: 10) }.isEmpty)
        // Tenancy: a space's activities are not readable through another community.
        #expect(try await store.read { try await $0.activities(inSpace: space.id, of: f.id(), after: 0, limit: 10) }.isEmpty)
        #expect(try await store.read { try await $0.lastActivitySequence() } == 3)

        // Already satisfied: returns at once.
        await store.waitForActivity(after: 2, timeout: .seconds(30))
        let waiter = Task { await store.waitForActivity(after: 3, timeout: .seconds(30)) }
        try await Task.sleep(for: .milliseconds(20))
        _ = try await store.write { try await $0.append(f.activity(community.id)) }
        await waiter.value
    }

    @Test func readsSeeASnapshot() async throws {
        let community = f.community()
        try await store.write { try await $0.insert(community) }
        let (before, after) = try await store.read { tx in
            let before = try await tx.memberCount(in: community.id, role: nil)
            try await store.write { try await $0.insert(f.member(community.id, handle: "late")) }
            let after = try await tx.memberCount(in: community.id, role: nil)
            return (before, after)
        }
        #expect(before == 0 && after == 0)
        #expect(try await store.read { try await $0.memberCount(in: community.id, role: nil) } == 1)
    }

    @Test func aTransactionCannotBeUsedAfterItsBody() async throws {
        let escaped = try await store.read { tx in tx }
        do {
            _ = try await escaped.lastActivitySequence()
            Issue.record("expected an error")
        } catch let error as CommunityError {
            #expect(error.code == .storage)
        }
    }
}
