import CommunityCore
import CommunityEvents
import CommunityTesting
import Foundation
import Synchronization
import Testing

/// A delivery that records what it sends and can be told to fail.
final class RecordingDelivery: ReminderDelivery {
    private let state = Mutex<(sent: [EventReminder], failures: Int)>(([], 0))

    var sent: [EventReminder] { state.withLock { $0.sent } }

    func failNext(_ count: Int) { state.withLock { $0.failures = count } }

    func deliver(_ reminder: EventReminder) async throws {
        try state.withLock { state in
            if state.failures > 0 {
                state.failures -= 1
                throw CommunityError(.storage, "mail server down")
            }
            state.sent.append(reminder)
        }
    }
}

@Suite struct ReminderRunnerTests {
    static let start = "2026-01-10T18:00:00"
    static func instant(_ text: String) -> Date { ISO8601DateFormatter().date(from: text) ?? .distantPast }

    struct World {
        let fixture: CommunityFixture
        let event: CommunityEvent
        let delivery = RecordingDelivery()
        var community: CommunityID { fixture.community.id }

        static func make() async throws -> World {
            let fixture = try await CommunityFixture.make(members: 4, spaces: 0)
            let scheduler = EventScheduler(fixture.environment)
            let draft = EventDraft(title: "Office hours", start: ReminderRunnerTests.start, timeZone: "UTC", duration: 3600)
            let event = try await scheduler.createEvent(in: fixture.community.id, draft, by: .member(fixture.owner.id))
            for index in 0..<3 {
                try await scheduler.rsvp(to: event.id, occurrence: ReminderRunnerTests.start, .going, in: fixture.community.id,
                                         by: .member(fixture.members[index].id))
            }
            try await scheduler.rsvp(to: event.id, occurrence: ReminderRunnerTests.start, .maybe, in: fixture.community.id,
                                     by: .member(fixture.members[3].id))
            return World(fixture: fixture, event: event)
        }

        func runner() -> ReminderRunner { ReminderRunner(fixture.environment, delivery: delivery) }
    }

    @Test func eachReminderGoesOnceToEachGoingMemberEvenAcrossRestarts() async throws {
        let w = try await World.make()
        #expect(try await w.runner().deliverDueReminders(in: w.community).isEmpty, "nothing due a week before")
        #expect(try await w.runner().nextDueDate(in: w.community) == Self.instant("2026-01-09T18:00:00Z"))
        w.fixture.clock.set(to: Self.instant("2026-01-09T18:00:00Z"))
        let first = try await w.runner().deliverDueReminders(in: w.community)
        #expect(first.count == 3 && first.allSatisfy { $0.offset == 86_400 })
        #expect(Set(first.map(\.memberID)) == Set(w.fixture.members.prefix(3).map(\.id)), "going members only")
        #expect(try await w.runner().deliverDueReminders(in: w.community).isEmpty, "a restarted runner sends nothing twice")
        w.fixture.clock.set(to: Self.instant("2026-01-10T17:00:00Z"))
        let second = try await w.runner().deliverDueReminders(in: w.community)
        #expect(second.count == 3 && second.allSatisfy { $0.offset == 3_600 })
        #expect(w.delivery.sent.count == 6)
    }

    @Test func afterDowntimeOnlyTheLatestMissedReminderIsSentAndOnlyBeforeTheStart() async throws {
        let w = try await World.make()
        w.fixture.clock.set(to: Self.instant("2026-01-10T17:30:00Z"))
        let late = try await w.runner().deliverDueReminders(in: w.community)
        #expect(late.count == 3 && late.allSatisfy { $0.offset == 3_600 }, "the 24 h reminder is skipped, the 1 h one sent")
        #expect(try await w.runner().deliverDueReminders(in: w.community).isEmpty)

        let v = try await World.make()
        v.fixture.clock.set(to: Self.instant("2026-01-10T18:05:00Z"))
        #expect(try await v.runner().deliverDueReminders(in: v.community).isEmpty, "a started occurrence gets no reminder")
    }

    @Test func aFailedDeliveryIsRetriedAndStillSentOnce() async throws {
        let w = try await World.make()
        w.fixture.clock.set(to: Self.instant("2026-01-09T19:00:00Z"))
        w.delivery.failNext(2)
        #expect(try await w.runner().deliverDueReminders(in: w.community).count == 1)
        #expect(try await w.runner().deliverDueReminders(in: w.community).count == 2, "the two failed ones are retried")
        #expect(try await w.runner().deliverDueReminders(in: w.community).isEmpty)
        #expect(Set(w.delivery.sent.map(\.memberID)).count == 3)
    }

    @Test func runSleepsOnTheClockUntilTheNextReminder() async throws {
        let w = try await World.make()
        let runner = w.runner()
        let task = Task { try await runner.run(communities: [w.community]) }
        await w.fixture.clock.waitForSleepers(1)
        #expect(w.delivery.sent.isEmpty)
        w.fixture.clock.set(to: Self.instant("2026-01-09T18:00:00Z"))
        await w.fixture.clock.waitForSleepers(1)  // asleep again: the pass that woke it is over
        #expect(w.delivery.sent.count == 3)
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
    }
}
