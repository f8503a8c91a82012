import CommunityCore
import CommunityDiscussions
import Foundation

extension DiscussionConformance {
    /// The store's own unread query (`unreadTallies`) against hand-counted figures and against a
    /// recount from the thread listing: markers, space marks, the floor, deleted threads, order.
    func unreadQuery(_ w: DiscussionWorld, _ check: ConformanceCheck) async throws {
        let cyd = w.cyd.id
        let early = try await w.engine.startThread(in: w.general.id, of: w.community, title: "Early", body: "1", by: .member(w.ada.id)).thread.id
        w.tick(10)
        let floor = w.fixture.clock.now
        w.tick(10)
        let a = try await w.engine.startThread(in: w.general.id, of: w.community, title: "A", body: "1", by: .member(w.ada.id)).thread.id
        for _ in 0..<4 { w.tick(); try await w.engine.reply(to: a, in: w.community, body: "r", by: .member(w.bob.id)) }
        let b = try await w.engine.startThread(in: w.general.id, of: w.community, title: "B", body: "1", by: .member(w.ada.id)).thread.id
        try await w.engine.reply(to: b, in: w.community, body: "mine", by: .member(w.cyd.id))
        let gone = try await w.engine.startThread(in: w.general.id, of: w.community, title: "Gone", body: "1", by: .member(w.ada.id)).thread.id
        try await w.engine.deleteThread(gone, in: w.community, by: w.owner)
        let q = try await w.engine.startThread(in: w.help.id, of: w.community, title: "Q", body: "1", by: .member(w.bob.id)).thread.id
        try await w.engine.markRead(a, in: w.community, upTo: 3, by: .member(cyd))
        w.tick()

        // a: 5 posts, read 3 → 2; b: cyd posted last → read; gone: deleted; early: before the floor; q: 1 unread.
        var tallies = try await Self.tallies(w, cyd, [w.general.id, w.help.id], after: floor)
        try check.equal(tallies, [UnreadTally(spaceID: w.general.id, threads: 1, posts: 2), UnreadTally(spaceID: w.help.id, threads: 1, posts: 1)],
                        "markers, deleted threads and the floor")
        try check.equal(try await Self.tallies(w, cyd, [w.help.id, w.general.id], after: floor).map(\.spaceID), [w.help.id, w.general.id],
                        "tallies come in the order of the spaces asked")
        try check.equal(try await Self.tallies(w, cyd, [w.general.id], after: .distantPast), [UnreadTally(spaceID: w.general.id, threads: 2, posts: 3)],
                        "an older floor counts the early thread too")
        try check.equal(try await Self.tallies(w, cyd, [], after: floor), [], "no spaces, no tallies")
        try check.equal(try await Self.tallies(w, cyd, [w.secretSpace.id], after: floor), [UnreadTally(spaceID: w.secretSpace.id, threads: 0, posts: 0)],
                        "a space without threads counts zero")
        try check.equal(try await Self.tallies(w, cyd, [w.general.id], after: w.fixture.clock.now), [UnreadTally(spaceID: w.general.id, threads: 0, posts: 0)],
                        "nothing after the floor")
        _ = early
        _ = q

        try await w.engine.markSpaceRead(w.general.id, in: w.community, by: .member(cyd))
        w.tick()
        try await w.engine.reply(to: b, in: w.community, body: "later", by: .member(w.ada.id))
        tallies = try await Self.tallies(w, cyd, [w.general.id, w.help.id], after: floor)
        try check.equal(tallies, [UnreadTally(spaceID: w.general.id, threads: 1, posts: 1), UnreadTally(spaceID: w.help.id, threads: 1, posts: 1)],
                        "the space mark hides what came before it, in its space only")
        let counts = try await w.engine.unreadCounts(in: w.community, by: .member(cyd))
        let recount = try await Self.tallies(w, cyd, counts.map(\.spaceID), after: w.cyd.joinedAt)
        try check.equal(counts.map { UnreadTally(spaceID: $0.spaceID, threads: $0.threads, posts: $0.posts) }, recount, "the engine's counts are the store's")
        try check.equal(try await Self.recount(w, cyd, counts.map(\.spaceID), after: w.cyd.joinedAt), recount, "a recount from the listing agrees")
    }

    private static func tallies(_ w: DiscussionWorld, _ member: MemberID, _ spaces: [SpaceID], after floor: Date) async throws -> [UnreadTally] {
        try await w.fixture.environment.store.read { tx in
            guard let discussions = tx as? any DiscussionReadTransaction else { throw CommunityError(.storage, "no discussion storage") }
            return try await discussions.unreadTallies(of: member, in: spaces, activeAfter: floor)
        }
    }

    /// Every listed thread, its marker and the space mark, counted here.
    private static func recount(_ w: DiscussionWorld, _ member: MemberID, _ spaces: [SpaceID], after floor: Date) async throws -> [UnreadTally] {
        try await w.fixture.environment.store.read { tx in
            guard let discussions = tx as? any DiscussionReadTransaction else { throw CommunityError(.storage, "no discussion storage") }
            var tallies: [UnreadTally] = []
            for space in spaces {
                let mark = max(floor, try await discussions.spaceReadMark(of: member, in: space)?.readUpTo ?? floor)
                var tally = UnreadTally(spaceID: space, threads: 0, posts: 0)
                for thread in try await discussions.threads(in: space, order: .newest, after: nil, limit: 10_000) where thread.lastActivityAt > mark {
                    let unread = thread.lastPostNumber - (try await discussions.readMarker(of: member, in: thread.id)?.lastReadNumber ?? 0)
                    if unread > 0 { tally.threads += 1; tally.posts += unread }
                }
                tallies.append(tally)
            }
            return tallies
        }
    }
}
