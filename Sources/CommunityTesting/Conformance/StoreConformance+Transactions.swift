import CommunityCore
import Foundation

private struct DeliberateFailure: Error {}

extension StoreConformance {
    func rollback(_ store: any CommunityStore, _ check: ConformanceCheck) async throws {
        let records = Records()
        let community = records.community("rb")
        let ada = records.member("ada", in: community.id)
        let space = records.space("s", in: community.id)
        try await store.write { tx in
            try await tx.insert(community)
            try await tx.insert(ada)
            try await tx.insert(space)
            _ = try await tx.append(records.activity(.communityCreated, in: community.id))
        }
        let before = try await StoreSnapshot.capture(store, communities: [community.id])
        let lastBefore = try await store.read { tx in try await tx.lastActivitySequence() }
        do {
            try await store.write { tx in
                var renamed = ada
                renamed.handle = "ada2"
                try await tx.update(renamed)
                try await tx.insert(records.member("bob", in: community.id))
                var changedSpace = space
                changedSpace.slug = "t"
                try await tx.update(changedSpace)
                try await tx.insert(records.space("u", in: community.id))
                try await tx.upsert(Membership(communityID: community.id, spaceID: space.id, memberID: ada.id, joinedAt: records.now))
                var changedCommunity = community
                changedCommunity.name = "Changed"
                try await tx.update(changedCommunity)
                try await tx.insert(JoinRequest(id: records.ids.next(at: records.now), communityID: community.id, spaceID: space.id,
                                                memberID: ada.id, createdAt: records.now))
                _ = try await tx.append(records.activity(.memberJoined, in: community.id, space: space.id))
                try await tx.deleteMember(ada.id, in: community.id)
                throw DeliberateFailure()
            }
            try check.that(false, "the failing body's error was not rethrown")
        } catch is DeliberateFailure {}
        try check.equal(try await StoreSnapshot.capture(store, communities: [community.id]), before, "nothing of a thrown body is visible")
        try await store.read { tx in
            try check.equal(try await tx.member(handle: "ada2", in: community.id), nil, "renamed handle rolled back")
            try check.equal(try await tx.member(handle: "ada", in: community.id), ada, "deleted member restored")
            try check.equal(try await tx.lastActivitySequence(), lastBefore, "no activity appended")
        }
        // The store is still writable and consistent after a rollback.
        try await store.write { tx in try await tx.insert(records.member("bob", in: community.id)) }
        try check.equal(try await store.read { tx in try await tx.memberCount(in: community.id, role: nil) }, 2, "writable after rollback")
    }

    func serializableWrites(_ store: any CommunityStore, _ check: ConformanceCheck) async throws {
        let records = Records()
        let community = records.community("ser")
        let counter = records.member("counter", in: community.id)
        try await store.write { tx in
            try await tx.insert(community)
            try await tx.insert(counter)
        }
        let tasks = 64
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<tasks {
                group.addTask {
                    try await store.write { tx in
                        guard var member = try await tx.member(counter.id, in: community.id) else { throw DeliberateFailure() }
                        await Task.yield()
                        member.bio = String((Int(member.bio) ?? 0) + 1)
                        try await tx.update(member)
                    }
                }
            }
            try await group.waitForAll()
        }
        let final = try await store.read { tx in try await tx.member(counter.id, in: community.id)?.bio }
        try check.equal(final, String(tasks), "every read-modify-write counted once")
    }

    func atomicVisibility(_ store: any CommunityStore, _ check: ConformanceCheck) async throws {
        let records = Records()
        let community = records.community("atomic")
        try await store.write { tx in try await tx.insert(community) }
        let pairs = 40
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for index in 0..<pairs {
                    try await store.write { tx in
                        let member = records.member("m\(index)", in: community.id)
                        try await tx.insert(member)
                        await Task.yield()
                        _ = try await tx.append(records.activity(.memberJoined, in: community.id, subject: member.id.description))
                    }
                }
            }
            for _ in 0..<4 {
                group.addTask {
                    for _ in 0..<pairs {
                        let (members, activities) = try await store.read { tx in
                            (try await tx.memberCount(in: community.id, role: nil),
                             try await tx.activities(in: community.id, after: 0, limit: 1000).count)
                        }
                        try check.equal(members, activities, "a read sees a member and its activity together or neither")
                        await Task.yield()
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    func tenantIsolation(_ store: any CommunityStore, _ check: ConformanceCheck) async throws {
        let records = Records()
        let mine = records.community("mine"), theirs = records.community("theirs")
        let member = records.member("ada", in: theirs.id, interests: ["swift"])
        let space = records.space("general", in: theirs.id)
        let request = JoinRequest(id: records.ids.next(at: records.now), communityID: theirs.id, spaceID: space.id, memberID: member.id,
                                  createdAt: records.now)
        let invitation = Invitation(id: records.ids.next(at: records.now), communityID: theirs.id, token: "theirs-token", role: .member,
                                    invitedBy: .system("host"), createdAt: records.now, expiresAt: records.now.addingTimeInterval(60))
        try await store.write { tx in
            try await tx.insert(mine)
            try await tx.insert(theirs)
            try await tx.insert(member)
            try await tx.insert(space)
            try await tx.upsert(Membership(communityID: theirs.id, spaceID: space.id, memberID: member.id, joinedAt: records.now))
            try await tx.insert(request)
            try await tx.insert(invitation)
            _ = try await tx.append(records.activity(.memberJoined, in: theirs.id, space: space.id))
            _ = try await tx.append(records.activity(.memberJoined, in: mine.id))
            _ = try await tx.append(records.activity(.memberJoined, in: mine.id))
        }
        try await store.read { tx in
            try check.equal(try await tx.member(member.id, in: mine.id), nil, "member by id")
            try check.equal(try await tx.member(handle: "ada", in: mine.id), nil, "member by handle")
            try check.equal(try await tx.members(in: mine.id, after: nil, limit: 10), [], "members page")
            try check.equal(try await tx.members(in: mine.id, matching: DirectoryQuery("ada"), after: nil, limit: 10), [], "directory")
            try check.equal(try await tx.memberCount(in: mine.id, role: nil), 0, "member count")
            try check.equal(try await tx.space(space.id, in: mine.id), nil, "space by id")
            try check.equal(try await tx.space(slug: "general", in: mine.id), nil, "space by slug")
            try check.equal(try await tx.spaces(in: mine.id, after: nil, limit: 10), [], "spaces page")
            try check.equal(try await tx.invitation(invitation.id, in: mine.id), nil, "invitation by id")
            try check.equal(try await tx.joinRequest(request.id, in: mine.id), nil, "join request by id")
            try check.that(try await tx.activities(in: mine.id, after: 0, limit: 10).allSatisfy { $0.communityID == mine.id }, "activities")
            try check.equal(try await tx.activities(inSpace: space.id, of: mine.id, after: 0, limit: 10), [], "space activities")
        }
        try await check.throwsCode(.notFound, "update of another community's member") {
            var moved = member
            moved.communityID = mine.id
            try await store.write { tx in try await tx.update(moved) }
        }
        try await check.throwsCode(.notFound, "delete of another community's member") {
            try await store.write { tx in try await tx.deleteMember(member.id, in: mine.id) }
        }
    }

    func activitySignal(_ store: any CommunityStore, _ check: ConformanceCheck) async throws {
        let records = Records()
        let community = records.community("signal")
        try await store.write { tx in try await tx.insert(community) }
        let last = try await store.read { tx in try await tx.lastActivitySequence() }
        let started = ContinuousClock.now
        await store.waitForActivity(after: last, timeout: .milliseconds(50))
        try check.that(ContinuousClock.now - started >= .milliseconds(40), "waitForActivity returns on timeout when nothing happens")
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                await store.waitForActivity(after: last, timeout: .seconds(180))
                let now = try await store.read { tx in try await tx.lastActivitySequence() }
                try check.that(now > last, "woken by a new activity")
            }
            group.addTask {
                try await Task.sleep(for: .milliseconds(20))
                try await store.write { tx in _ = try await tx.append(records.activity(.memberJoined, in: community.id)) }
            }
            try await group.waitForAll()
        }
        // Woken by the write, not by its 180 s timeout (generous: loaded CI machines are slow).
        try check.that(ContinuousClock.now - started < .seconds(150), "the waiter did not sit out its timeout")
    }
}
