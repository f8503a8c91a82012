import CommunityCore
import Foundation

/// Record builders shared by the cases: deterministic ids from one generator per case.
struct Records: Sendable {
    let ids = IDGenerator.incrementing
    let now = ManualClock.epoch

    func community(_ slug: String) -> Community {
        Community(id: ids.next(at: now), name: "Community \(slug)", slug: slug, createdAt: now)
    }

    func member(_ handle: String, in community: CommunityID, role: Role = .member, name: String? = nil, interests: [String] = []) -> Member {
        Member(id: ids.next(at: now), communityID: community, handle: handle, displayName: name ?? handle.capitalized,
               interests: interests, role: role, joinedAt: now)
    }

    func space(_ slug: String, in community: CommunityID, visibility: Space.Visibility = .public) -> Space {
        Space(id: ids.next(at: now), communityID: community, name: slug.capitalized, slug: slug, visibility: visibility, createdAt: now)
    }

    func activity(_ verb: ActivityVerb, in community: CommunityID, space: SpaceID? = nil, subject: String = "x") -> Activity {
        Activity(id: ids.next(at: now), communityID: community, actor: .system("conformance"), verb: verb,
                 subject: SubjectRef(kind: "test", id: subject), spaceID: space, occurredAt: now, payload: ["k": "v"])
    }
}

extension StoreConformance {
    func communities(_ store: any CommunityStore, _ check: ConformanceCheck) async throws {
        let records = Records()
        var paris = records.community("paris")
        try await store.write { tx in try await tx.insert(paris) }
        try await store.read { tx in
            try check.equal(try await tx.community(paris.id), paris, "community by id")
            try check.equal(try await tx.community(slug: "paris"), paris, "community by slug")
            try check.equal(try await tx.community(slug: "lyon"), nil, "unknown slug")
        }
        try await check.throwsCode(.conflict, "second community with the same slug") {
            try await store.write { tx in try await tx.insert(records.community("paris")) }
        }
        try await check.throwsCode(.conflict, "second community with the same id") {
            var copy = paris
            copy.slug = "other"
            try await store.write { tx in try await tx.insert(copy) }
        }
        paris.name = "Paris"
        paris.slug = "paris-fr"
        paris.branding = Branding(accentColor: "#112233", logoURL: URL(string: "https://example.com/logo.png"), customDomain: "paris.example.com")
        paris.settings = CommunitySettings(joinPolicy: .invitationOnly, invitationLifetime: 3600, timeZoneIdentifier: "Europe/Paris")
        try await store.write { [paris] tx in try await tx.update(paris) }
        try await store.read { [paris] tx in
            try check.equal(try await tx.community(paris.id), paris, "updated community")
            try check.equal(try await tx.community(slug: "paris-fr")?.id, paris.id, "new slug")
            try check.equal(try await tx.community(slug: "paris"), nil, "old slug is free")
        }
        try await check.throwsCode(.notFound, "update of an absent community") {
            try await store.write { tx in try await tx.update(records.community("ghost")) }
        }
    }

    func members(_ store: any CommunityStore, _ check: ConformanceCheck) async throws {
        let records = Records()
        let first = records.community("one"), second = records.community("two")
        var ada = records.member("ada", in: first.id, role: .owner, name: "Ada Lovelace", interests: ["math"])
        ada.bio = "Analyst"
        ada.avatarURL = URL(string: "https://example.com/ada.png")
        ada.status = .suspended(until: records.now.addingTimeInterval(60), reason: "test")
        let bob = records.member("bob", in: first.id)
        let adaElsewhere = records.member("ada", in: second.id)
        try await store.write { tx in
            try await tx.insert(first)
            try await tx.insert(second)
            try await tx.insert(ada)
            try await tx.insert(bob)
            try await tx.insert(adaElsewhere)
        }
        try await store.read { tx in
            try check.equal(try await tx.member(ada.id, in: first.id), ada, "member by id")
            try check.equal(try await tx.member(handle: "ada", in: first.id), ada, "member by handle")
            try check.equal(try await tx.member(handle: "ada", in: second.id), adaElsewhere, "same handle in another community")
            try check.equal(try await tx.memberCount(in: first.id, role: nil), 2, "member count")
            try check.equal(try await tx.memberCount(in: first.id, role: .owner), 1, "owner count")
            try check.equal(try await tx.memberCount(in: first.id, role: .admin), 0, "admin count")
        }
        try await check.throwsCode(.conflict, "duplicate handle in a community") {
            try await store.write { tx in try await tx.insert(records.member("bob", in: first.id)) }
        }
        try await check.throwsCode(.notFound, "member of an absent community") {
            try await store.write { tx in try await tx.insert(records.member("zed", in: records.community("nowhere").id)) }
        }
        var renamed = bob
        renamed.handle = "robert"
        renamed.role = .admin
        renamed.status = .banned(reason: "spam")
        try await store.write { [renamed] tx in try await tx.update(renamed) }
        try await store.read { [renamed] tx in
            try check.equal(try await tx.member(handle: "robert", in: first.id), renamed, "renamed member")
            try check.equal(try await tx.member(handle: "bob", in: first.id), nil, "old handle is free")
            try check.equal(try await tx.memberCount(in: first.id, role: .admin), 1, "role count follows updates")
        }
        try await check.throwsCode(.conflict, "update to a taken handle") {
            var clash = renamed
            clash.handle = "ada"
            try await store.write { [clash] tx in try await tx.update(clash) }
        }
        try await store.write { tx in try await tx.deleteMember(renamed.id, in: first.id) }
        try await store.read { tx in
            try check.equal(try await tx.member(renamed.id, in: first.id), nil, "deleted member")
            try check.equal(try await tx.memberCount(in: first.id, role: nil), 1, "count after delete")
        }
        try await check.throwsCode(.notFound, "delete of an absent member") {
            try await store.write { tx in try await tx.deleteMember(renamed.id, in: first.id) }
        }
    }

    func memberPaging(_ store: any CommunityStore, _ check: ConformanceCheck) async throws {
        let records = Records()
        let community = records.community("paging")
        let members = (0..<25).map { records.member(String(format: "m%02d", $0), in: community.id) }
        try await store.write { tx in
            try await tx.insert(community)
            for member in members { try await tx.insert(member) }
        }
        var seen: [MemberID] = []
        var cursor: MemberID?
        var added = false
        while true {
            let page = try await store.read { [cursor] tx in try await tx.members(in: community.id, after: cursor, limit: 10) }
            seen += page.map(\.id)
            if !added {
                added = true
                try await store.write { tx in try await tx.insert(records.member("late", in: community.id)) }
            }
            guard page.count == 10, let last = page.last else { break }
            cursor = last.id
        }
        try check.equal(seen.count, 26, "every member once, including one added between pages")
        try check.equal(seen, seen.sorted(), "pages in identifier order")
        try check.equal(Set(seen).count, seen.count, "no duplicates across pages")
        let empty = try await store.read { tx in try await tx.members(in: community.id, after: seen.last, limit: 10) }
        try check.that(empty.isEmpty, "page after the last member is empty")
    }

    func directorySearch(_ store: any CommunityStore, _ check: ConformanceCheck) async throws {
        let records = Records()
        let community = records.community("dir"), other = records.community("dir-other")
        let eloise = records.member("eloise_m", in: community.id, name: "Éloïse Martin", interests: ["swift", "design"])
        let elodie = records.member("elo", in: community.id, name: "Élodie Bernard", interests: ["kotlin"])
        let marc = records.member("marc", in: community.id, name: "Marc Dupont", interests: ["swift"])
        let stranger = records.member("eloise", in: other.id, name: "Éloïse Other")
        try await store.write { tx in
            for c in [community, other] { try await tx.insert(c) }
            for m in [eloise, elodie, marc, stranger] { try await tx.insert(m) }
        }
        func search(_ text: String, after: MemberID? = nil, limit: Int = 10) async throws -> [MemberID] {
            let query = try DirectoryQuery(text)
            return try await store.read { tx in try await tx.members(in: community.id, matching: query, after: after, limit: limit).map(\.id) }
        }
        try check.equal(try await search("elo"), [eloise.id, elodie.id], "prefix of names and handles, accents folded")
        try check.equal(try await search("ÉLOÏSE"), [eloise.id], "case and accents folded")
        try check.equal(try await search("swift"), [eloise.id, marc.id], "interests")
        try check.equal(try await search("swi mar"), [eloise.id, marc.id], "every term must match a word")
        try check.equal(try await search("dupont swift"), [marc.id], "terms across name and interests")
        try check.equal(try await search("zzz"), [], "no match")
        try check.equal(try await search("elo", limit: 1), [eloise.id], "limit")
        try check.equal(try await search("elo", after: eloise.id), [elodie.id], "cursor")
        var renamed = marc
        renamed.displayName = "Marcel Eloquent"
        try await store.write { [renamed] tx in try await tx.update(renamed) }
        try check.equal(try await search("eloq"), [marc.id], "index follows updates")
        try check.equal(try await search("dupont"), [], "old words leave the index")
    }

    func spaces(_ store: any CommunityStore, _ check: ConformanceCheck) async throws {
        let records = Records()
        let community = records.community("spaces"), other = records.community("spaces-other")
        var general = records.space("general", in: community.id)
        general.description = "Talk"
        general.kind = .questions
        general.tags = ["product", "general"]
        let secret = records.space("staff", in: community.id, visibility: .secret)
        try await store.write { [general] tx in
            try await tx.insert(community)
            try await tx.insert(other)
            try await tx.insert(general)
            try await tx.insert(secret)
            try await tx.insert(records.space("general", in: other.id))
        }
        try await store.read { [general] tx in
            try check.equal(try await tx.space(general.id, in: community.id), general, "space by id")
            try check.equal(try await tx.space(slug: "staff", in: community.id), secret, "space by slug")
            try check.equal(try await tx.space(general.id, in: other.id), nil, "space of another community by id")
            try check.equal(try await tx.spaces(in: community.id, after: nil, limit: 10).map(\.id), [general.id, secret.id], "spaces page")
            try check.equal(try await tx.spaces(in: community.id, after: general.id, limit: 10).map(\.id), [secret.id], "spaces page after cursor")
        }
        try await check.throwsCode(.conflict, "duplicate space slug") {
            try await store.write { tx in try await tx.insert(records.space("general", in: community.id)) }
        }
        general.visibility = .private
        general.slug = "lounge"
        try await store.write { [general] tx in try await tx.update(general) }
        try await store.read { [general] tx in
            try check.equal(try await tx.space(slug: "lounge", in: community.id), general, "updated space")
        }
    }

    func memberships(_ store: any CommunityStore, _ check: ConformanceCheck) async throws {
        let records = Records()
        let community = records.community("ms"), other = records.community("ms-other")
        let ada = records.member("ada", in: community.id), bob = records.member("bob", in: community.id)
        let outsider = records.member("zed", in: other.id)
        let a = records.space("a", in: community.id), b = records.space("b", in: community.id)
        try await store.write { tx in
            for c in [community, other] { try await tx.insert(c) }
            for m in [ada, bob, outsider] { try await tx.insert(m) }
            for s in [a, b] { try await tx.insert(s) }
            try await tx.upsert(Membership(communityID: community.id, spaceID: a.id, memberID: ada.id, joinedAt: records.now))
            try await tx.upsert(Membership(communityID: community.id, spaceID: a.id, memberID: bob.id, joinedAt: records.now))
            try await tx.upsert(Membership(communityID: community.id, spaceID: b.id, memberID: ada.id, roleOverride: .moderator, joinedAt: records.now))
        }
        try await store.read { tx in
            try check.equal(try await tx.membership(of: ada.id, in: b.id)?.roleOverride, .moderator, "role override")
            try check.equal(try await tx.memberships(in: a.id, after: nil, limit: 10).map(\.memberID), [ada.id, bob.id], "members of a space")
            try check.equal(try await tx.memberships(in: a.id, after: ada.id, limit: 10).map(\.memberID), [bob.id], "members after cursor")
            try check.equal(try await tx.memberships(of: ada.id, after: nil, limit: 10).map(\.spaceID), [a.id, b.id], "spaces of a member")
        }
        try await store.write { tx in
            try await tx.upsert(Membership(communityID: community.id, spaceID: b.id, memberID: ada.id, roleOverride: nil, joinedAt: records.now))
        }
        try check.equal(try await store.read { tx in try await tx.membership(of: ada.id, in: b.id)?.roleOverride }, nil, "upsert replaces")
        try await check.throwsCode(.notFound, "membership of a member of another community") {
            try await store.write { tx in
                try await tx.upsert(Membership(communityID: community.id, spaceID: a.id, memberID: outsider.id, joinedAt: records.now))
            }
        }
        try await store.write { tx in try await tx.deleteMembership(of: bob.id, in: a.id) }
        try check.equal(try await store.read { tx in try await tx.membership(of: bob.id, in: a.id) }, nil, "deleted membership")
        try await check.throwsCode(.notFound, "delete of an absent membership") {
            try await store.write { tx in try await tx.deleteMembership(of: bob.id, in: a.id) }
        }
        try await store.write { tx in try await tx.deleteMember(ada.id, in: community.id) }
        try await store.read { tx in
            try check.equal(try await tx.memberships(in: a.id, after: nil, limit: 10).count, 0, "memberships go with their member")
            try check.equal(try await tx.memberships(of: ada.id, after: nil, limit: 10).count, 0, "no memberships of a deleted member")
        }
    }

    func invitations(_ store: any CommunityStore, _ check: ConformanceCheck) async throws {
        let records = Records()
        let community = records.community("inv")
        let space = records.space("inner", in: community.id)
        var invitation = Invitation(
            id: records.ids.next(at: records.now), communityID: community.id, spaceID: space.id, token: "token-1", role: .moderator,
            invitedBy: .system("host"), createdAt: records.now, expiresAt: records.now.addingTimeInterval(3600))
        try await store.write { [invitation] tx in
            try await tx.insert(community)
            try await tx.insert(space)
            try await tx.insert(invitation)
        }
        try await store.read { [invitation] tx in
            try check.equal(try await tx.invitation(token: "token-1"), invitation, "invitation by token")
            try check.equal(try await tx.invitation(invitation.id, in: community.id), invitation, "invitation by id")
            try check.equal(try await tx.invitation(token: "token-2"), nil, "unknown token")
        }
        try await check.throwsCode(.conflict, "duplicate token") {
            let copy = Invitation(id: records.ids.next(at: records.now), communityID: community.id, token: "token-1", role: .member,
                                  invitedBy: .system("host"), createdAt: records.now, expiresAt: records.now)
            try await store.write { tx in try await tx.insert(copy) }
        }
        let member = records.member("ada", in: community.id)
        try await store.write { tx in try await tx.insert(member) }
        invitation.redeemedBy = member.id
        try await store.write { [invitation] tx in try await tx.update(invitation) }
        try check.equal(try await store.read { tx in try await tx.invitation(token: "token-1")?.redeemedBy }, Optional(member.id), "updated invitation")
    }

    func joinRequests(_ store: any CommunityStore, _ check: ConformanceCheck) async throws {
        let records = Records()
        let community = records.community("jr")
        let space = records.space("private", in: community.id, visibility: .private)
        let ada = records.member("ada", in: community.id), bob = records.member("bob", in: community.id)
        func request(_ member: MemberID) -> JoinRequest {
            JoinRequest(id: records.ids.next(at: records.now), communityID: community.id, spaceID: space.id, memberID: member,
                        message: "let me in", createdAt: records.now)
        }
        var first = request(ada.id)
        let second = request(bob.id)
        try await store.write { [first] tx in
            try await tx.insert(community)
            try await tx.insert(space)
            try await tx.insert(ada)
            try await tx.insert(bob)
            try await tx.insert(first)
            try await tx.insert(second)
        }
        try await check.throwsCode(.conflict, "second pending request of a member for a space") {
            try await store.write { tx in try await tx.insert(request(ada.id)) }
        }
        try await store.read { [first] tx in
            try check.equal(try await tx.pendingJoinRequest(of: ada.id, in: space.id), first, "pending request")
            try check.equal(try await tx.joinRequest(first.id, in: community.id), first, "request by id")
            try check.equal(try await tx.joinRequests(in: space.id, state: .pending, after: nil, limit: 10).map(\.id), [first.id, second.id], "pending list")
        }
        first.state = .approved
        first.decidedBy = .system("host")
        first.decidedAt = records.now
        try await store.write { [first] tx in try await tx.update(first) }
        try await store.read { [first] tx in
            try check.equal(try await tx.pendingJoinRequest(of: ada.id, in: space.id), nil, "no longer pending")
            try check.equal(try await tx.joinRequests(in: space.id, state: .pending, after: nil, limit: 10).map(\.id), [second.id], "pending list after decision")
            try check.equal(try await tx.joinRequests(in: space.id, state: .approved, after: nil, limit: 10), [first], "approved list")
        }
        try await store.write { tx in try await tx.insert(request(ada.id)) }
        try check.equal(try await store.read { tx in try await tx.joinRequests(in: space.id, state: .pending, after: nil, limit: 10).count }, 2,
                        "a new request after a decided one")
        try await check.throwsCode(.conflict, "reopening a decided request beside a pending one") {
            var reopened = first
            reopened.state = .pending
            try await store.write { [reopened] tx in try await tx.update(reopened) }
        }
    }

    func activities(_ store: any CommunityStore, _ check: ConformanceCheck) async throws {
        let records = Records()
        let community = records.community("act"), other = records.community("act-other")
        let space = records.space("s", in: community.id)
        try await store.write { tx in
            try await tx.insert(community)
            try await tx.insert(other)
            try await tx.insert(space)
        }
        var appended: [Activity] = []
        for index in 0..<30 {
            let activity = records.activity(.memberJoined, in: index % 3 == 2 ? other.id : community.id,
                                            space: index % 3 == 0 ? space.id : nil, subject: "\(index)")
            appended.append(try await store.write { tx in try await tx.append(activity) })
        }
        let sequences = appended.map(\.sequence)
        try check.equal(sequences, sequences.sorted(), "sequences increase in commit order")
        try check.equal(Set(sequences).count, sequences.count, "sequences are unique")
        try check.that(sequences.allSatisfy { $0 > 0 }, "sequences are positive")
        let mine = appended.filter { $0.communityID == community.id }
        try await store.read { tx in
            try check.equal(try await tx.activities(in: community.id, after: 0, limit: 100), mine, "community log, in order, complete")
            try check.equal(try await tx.activities(in: community.id, after: mine[4].sequence, limit: 3), Array(mine[5..<8]), "after a cursor")
            try check.equal(try await tx.activities(inSpace: space.id, of: community.id, after: 0, limit: 100),
                            appended.filter { $0.spaceID == space.id }, "space log")
            try check.equal(try await tx.lastActivitySequence(), sequences.last ?? 0, "last sequence")
            try check.equal(try await tx.activities(in: community.id, after: sequences.last ?? 0, limit: 10), [], "nothing after the end")
        }
    }
}
