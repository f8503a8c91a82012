import CommunityCore
import CommunityDiscussions
import CommunityTesting
import Foundation
import Synchronization
import Testing

/// Records what the engine hands to the host's delivery.
final class RecordingNotifications: NotificationDelivery {
    private let items = Mutex<[InboxItem]>([])
    var delivered: [InboxItem] { items.withLock { $0 } }
    func deliver(_ batch: [InboxItem]) async { items.withLock { $0 += batch } }
}

@Suite struct DiscussionDeliveryAndDigestTests {
    @Test func newInboxItemsAreDeliveredAfterCommitAndNeverForARefusedWrite() async throws {
        let fixture = try await CommunityFixture.make(members: 3, spaces: 1)
        let delivery = RecordingNotifications()
        let engine = DiscussionEngine(fixture.environment, delivery: delivery)
        let community = fixture.community.id
        let started = try await engine.startThread(in: fixture.spaces[0].id, of: community, title: "Hi", body: "hello @member-2",
                                                   by: .member(fixture.members[0].id))
        #expect(delivery.delivered.map(\.kind) == [.mentioned])
        #expect(delivery.delivered.first?.memberID == fixture.members[1].id)
        try await engine.lock(started.thread.id, in: community, by: .member(fixture.owner.id))
        await #expect(throws: CommunityError.self) {
            try await engine.reply(to: started.thread.id, in: community, body: "@member-3 look", by: .member(fixture.members[1].id))
        }
        #expect(delivery.delivered.count == 1, "a refused write delivers nothing")
        let stored = try await engine.inbox(in: community, by: .member(fixture.members[1].id)).items
        #expect(stored.map(\.id) == delivery.delivered.map(\.id), "what is delivered is what the inbox holds")
    }

    @Test func digestListsUnreadThreadsOfThePeriodMostDiscussedFirst() async throws {
        let fixture = try await CommunityFixture.make(members: 3, spaces: 2, visibilities: [.public, .private])
        let engine = DiscussionEngine(fixture.environment)
        let community = fixture.community.id
        let (ada, bob, reader) = (fixture.members[0].id, fixture.members[1].id, fixture.members[2].id)
        fixture.clock.advance(by: 86_400)
        let periodStart = fixture.clock.now
        let quiet = try await engine.startThread(in: fixture.spaces[0].id, of: community, title: "Quiet", body: "x", by: .member(ada))
        let busy = try await engine.startThread(in: fixture.spaces[0].id, of: community, title: "Busy", body: "x", by: .member(ada))
        for _ in 0..<3 { fixture.clock.advance(by: 60); try await engine.reply(to: busy.thread.id, in: community, body: "y", by: .member(bob)) }
        let read = try await engine.startThread(in: fixture.spaces[0].id, of: community, title: "Already read", body: "x", by: .member(ada))
        try await engine.markRead(read.thread.id, in: community, upTo: 1, by: .member(reader))
        _ = try await engine.startThread(in: fixture.spaces[1].id, of: community, title: "Private", body: "x", by: .member(fixture.owner.id))
        fixture.clock.advance(by: 60)
        let digest = try await engine.digest(for: reader, in: community, from: periodStart, to: fixture.clock.now)
        #expect(digest.map(\.thread.id) == [busy.thread.id, quiet.thread.id], "unread, readable, most discussed first")
        #expect(digest.first?.unreadPosts == 4)
        let later = try await engine.digest(for: reader, in: community, from: fixture.clock.now, to: fixture.clock.now.addingTimeInterval(60))
        #expect(later.isEmpty, "nothing happened in a later period")
    }

    @Test func dismissingFlagsUnhidesAndHidingHides() async throws {
        let fixture = try await CommunityFixture.make(members: 3, spaces: 1)
        let engine = DiscussionEngine(fixture.environment)
        let community = fixture.community.id
        try await engine.configure(CommunityDiscussionSettings(communityID: community, autoHideFlagThreshold: 1), by: .member(fixture.owner.id))
        let started = try await engine.startThread(in: fixture.spaces[0].id, of: community, title: "Opinion", body: "strong words",
                                                   by: .member(fixture.members[0].id))
        let flag = try await engine.flag(started.firstPost.id, in: community, reason: .offensive, by: .member(fixture.members[1].id))
        func hidden() async throws -> Bool {
            try await engine.posts(in: started.thread.id, of: community, by: .member(fixture.owner.id)).items.first?.hiddenAt != nil
        }
        #expect(try await hidden(), "auto-hidden at the threshold of 1")
        try await engine.resolve(flag.id, in: community, as: .dismissed, by: .member(fixture.owner.id))
        #expect(try await !hidden(), "dismissing unhides")
        let again = try await engine.flag(started.firstPost.id, in: community, reason: .spam, by: .member(fixture.members[2].id))
        try await engine.resolve(again.id, in: community, as: .hidden, by: .member(fixture.owner.id))
        #expect(try await hidden(), "hidden by decision")
        let author = try await engine.inbox(in: community, by: .member(fixture.members[0].id)).items
        #expect(author.filter { $0.kind == .moderation }.count == 4, "the author is told of every decision")
    }
}
