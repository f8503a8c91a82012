import CommunityCore
import CommunityEvents
import Foundation
import Synchronization

/// Records the reminders a runner sends.
final class ConformanceReminderDelivery: ReminderDelivery {
    private let sent = Mutex<[EventReminder]>([])
    var reminders: [EventReminder] { sent.withLock { $0 } }
    func deliver(_ reminder: EventReminder) async throws { sent.withLock { $0.append(reminder) } }
}

extension EventConformance {
    static func instant(_ text: String) -> Date { ISO8601DateFormatter().date(from: text) ?? .distantPast }

    func reminders(_ w: EventWorld, _ check: ConformanceCheck) async throws {
        var draft = EventDraft(title: "Office hours", start: "2026-01-10T18:00:00", timeZone: "UTC", duration: 3600)
        draft.spaceID = w.general.id
        let event = try await w.scheduler.createEvent(in: w.community, draft, by: w.owner)
        let key = "2026-01-10T18:00:00"
        for index in 0..<3 { try await w.scheduler.rsvp(to: event.id, occurrence: key, .going, in: w.community, by: w.principal(index)) }
        try await w.scheduler.rsvp(to: event.id, occurrence: key, .maybe, in: w.community, by: w.principal(3))
        let delivery = ConformanceReminderDelivery()
        func runner() -> ReminderRunner { ReminderRunner(w.fixture.environment, delivery: delivery) }
        try check.equal(try await runner().nextDueDate(in: w.community), Self.instant("2026-01-09T18:00:00Z"), "next due date")
        w.fixture.clock.set(to: Self.instant("2026-01-09T18:00:00Z"))
        let first = try await runner().deliverDueReminders(in: w.community)
        try check.equal(Set(first.map(\.memberID)), Set((0..<3).map { w.member($0).id }), "going members reminded 24 h before")
        try check.that(try await runner().deliverDueReminders(in: w.community).isEmpty, "a restarted runner sends nothing twice")
        w.fixture.clock.set(to: Self.instant("2026-01-10T17:30:00Z"))
        let second = try await runner().deliverDueReminders(in: w.community)
        try check.equal(second.count, 3, "the 1 h reminders")
        try check.that(second.allSatisfy { $0.offset == 3600 }, "offset of the 1 h reminder")
        w.fixture.clock.set(to: Self.instant("2026-01-10T18:05:00Z"))
        try check.that(try await runner().deliverDueReminders(in: w.community).isEmpty, "nothing once the occurrence started")
        try check.equal(delivery.reminders.count, 6, "six reminders in all")
    }

    func liveSessions(_ w: EventWorld, _ check: ConformanceCheck) async throws {
        var draft = EventDraft(title: "AMA", start: "2026-01-05T18:00:00", timeZone: "UTC", duration: 3600, format: .qaSession)
        draft.spaceID = w.general.id
        let event = try await w.scheduler.createEvent(in: w.community, draft, by: w.owner)
        let key = "2026-01-05T18:00:00"
        for index in 0..<4 { try await w.scheduler.rsvp(to: event.id, occurrence: key, .going, in: w.community, by: w.principal(index)) }
        w.fixture.clock.set(to: Self.instant("2026-01-05T18:00:00Z"))
        let live = LiveSessions(w.fixture.environment)
        try await live.start(event.id, occurrence: key, in: w.community, by: w.owner)
        for index in 0..<2 { try await live.join(event.id, occurrence: key, in: w.community, by: w.principal(index)) }
        try await live.join(event.id, occurrence: key, in: w.community, by: w.principal(6))
        w.fixture.clock.advance(by: 600)
        try await live.leave(event.id, occurrence: key, in: w.community, by: w.principal(0))
        w.fixture.clock.advance(by: 600)
        try await live.join(event.id, occurrence: key, in: w.community, by: w.principal(0))
        let first = try await live.ask("Roadmap?", event: event.id, occurrence: key, in: w.community, by: w.principal(0))
        let second = try await live.ask("Pricing?", event: event.id, occurrence: key, in: w.community, by: w.principal(1))
        try await live.upvote(second.id, in: w.community, by: w.principal(0))
        try await live.upvote(second.id, in: w.community, by: w.principal(0))
        try await live.upvote(second.id, in: w.community, by: w.principal(6))
        let questions = try await live.questions(of: event.id, occurrence: key, in: w.community, by: w.principal(3))
        try check.equal(questions.map(\.id), [second.id, first.id], "questions by upvotes")
        try check.equal(questions.first?.votes, 2, "one upvote per member")
        let poll = try await live.createPoll("Next topic?", options: ["NIO", "SQL"], event: event.id, occurrence: key, in: w.community, by: w.owner)
        try await live.vote(poll.id, choices: [1], in: w.community, by: w.principal(0))
        try await check.throwsCode(.conflict, "a second vote") {
            try await live.vote(poll.id, choices: [0], in: w.community, by: w.principal(0))
        }
        w.fixture.clock.advance(by: 300)
        try await live.end(event.id, occurrence: key, in: w.community, by: w.owner)
        let report = try await live.attendance(of: event.id, occurrence: key, in: w.community, by: w.owner)
        try check.equal(report.minutes[w.member(0).id], 15, "minutes over two sessions")
        try check.equal(report.minutes[w.member(1).id], 25, "checked out at the end")
        try check.equal(report.walkIns, 1, "walk-ins")
        try check.equal(report.noShowRate, 0.5, "no-show rate")
        try check.equal(try await live.poll(poll.id, in: w.community, by: w.principal(3)).counts, [0, 1], "poll results")
    }

    func overrides(_ w: EventWorld, _ check: ConformanceCheck) async throws {
        let event = try await w.weekly(capacity: 10)
        let (moved, cancelled, split) = ("2026-01-20T18:00:00", "2026-01-13T18:00:00", "2026-02-03T18:00:00")
        try await w.scheduler.rsvp(to: event.id, occurrence: moved, .going, in: w.community, by: w.principal(0))
        try await w.scheduler.rsvp(to: event.id, occurrence: "2026-02-10T18:00:00", .going, in: w.community, by: w.principal(1))
        try await w.scheduler.cancel(event.id, occurrence: cancelled, in: w.community, by: w.owner)
        try await w.scheduler.reschedule(event.id, occurrence: moved, in: w.community, start: "2026-01-22T19:30:00", title: "Thursday edition", by: w.owner)
        let all = try await w.scheduler.occurrences(of: event.id, in: w.community, from: .distantPast, to: .distantFuture, by: w.owner)
        try check.equal(all.filter(\.isCancelled).map(\.key), [cancelled], "cancelled occurrence marked")
        let movedOccurrence = all.first { $0.key == moved }
        try check.equal(movedOccurrence?.start, Self.instant("2026-01-22T18:30:00Z"), "moved start")
        try check.equal(movedOccurrence?.override?.title, "Thursday edition", "moved title")
        try check.equal(try await w.scheduler.seats(of: event.id, occurrence: moved, in: w.community, by: w.owner).confirmed, 1, "RSVP kept on a move")
        try await check.throwsCode(.forbidden, "RSVP to a cancelled occurrence") {
            try await w.scheduler.rsvp(to: event.id, occurrence: cancelled, .going, in: w.community, by: w.principal(2))
        }
        let (original, following) = try await w.scheduler.splitSeries(event.id, at: split, in: w.community,
                                                                       changes: SeriesChanges(timeOfDay: "19:00:00"), by: w.owner)
        let before = try await w.scheduler.occurrences(of: original.id, in: w.community, from: .distantPast, to: .distantFuture, by: w.owner)
        let after = try await w.scheduler.occurrences(of: following.id, in: w.community, from: .distantPast, to: .distantFuture, by: w.owner)
        try check.equal(before.count + after.count, 10, "COUNT continues across the split")
        try check.equal(after.first?.key, "2026-02-03T19:00:00", "the new series starts at the split, new time")
        try check.equal(try await w.scheduler.seats(of: following.id, occurrence: "2026-02-10T19:00:00", in: w.community, by: w.owner).confirmed, 1,
                        "RSVPs move with their occurrence")
    }
}
