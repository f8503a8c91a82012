import CommunityCore
import CommunityEvents
import Foundation

extension EventConformance {
    func createAndReadEvents(_ w: EventWorld, _ check: ConformanceCheck) async throws {
        var full = EventDraft(title: "Swift on the server", start: "2026-03-03T18:00:00", timeZone: "Europe/Paris", duration: 5400,
                              format: .workshop,
                              location: .hybrid(address: "1 rue de Rivoli, 75001 Paris", joinURL: URL(string: "https://example.com/live?room=42")))
        full.description = "Bring a laptop.\nÇa commence à 18 h — *Markdown* welcome."
        full.spaceID = w.general.id
        full.hosts = [w.moderator.id, w.member(0).id]
        full.recurrenceRule = "FREQ=WEEKLY;BYDAY=TU;COUNT=10"
        full.recurrenceDates = ["2026-03-05T18:00:00", "2026-04-02T19:30:00"]
        full.exceptionDates = ["2026-03-17T18:00:00"]
        full.capacity = 25
        full.rsvpDeadline = 3600
        full.reminderOffsets = [86_400, 3_600, 600]
        full.rsvpPolicy = .hostsOnly
        let first = try await w.scheduler.createEvent(in: w.community, full, by: w.owner)
        w.fixture.clock.advance(by: 1.25)

        let wide = try await w.scheduler.createEvent(
            in: w.community, EventDraft(title: "  Community call  ", start: "2026-02-10T09:00:00", timeZone: "America/New_York", duration: 60),
            by: w.owner)
        w.fixture.clock.advance(by: 0.5)

        var inPerson = EventDraft(title: "Conference", start: "2026-06-01T09:00:00", timeZone: "UTC", duration: 7 * 86_400,
                                  format: .conference, location: .inPerson(address: "Palais des Congrès"))
        inPerson.capacity = 1_000_000
        inPerson.rsvpDeadline = 0
        inPerson.reminderOffsets = []
        inPerson.rsvpPolicy = .membersAndGuests
        let third = try await w.scheduler.createEvent(in: w.community, inPerson, by: w.owner)

        var imported = EventDraft(title: "Imported webinar", start: "2026-01-20T12:00:00", timeZone: "Asia/Kolkata", duration: 2700,
                                  format: .webinar, location: .online(joinURL: URL(string: "https://example.com/webinar/7")))
        imported.hosts = [w.member(1).id]
        imported.recurrenceRule = "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20261231T235959Z"
        let fourth = try await w.scheduler.createEvent(in: w.community, imported, by: .system("importer"))
        let created = [first, wide, third, fourth]

        try check.equal(first.hosts, [w.moderator.id, w.member(0).id], "hosts as given")
        try check.equal(first.location, .hybrid(address: "1 rue de Rivoli, 75001 Paris", joinURL: URL(string: "https://example.com/live?room=42")),
                        "hybrid location")
        try check.equal(wide.title, "Community call", "the title is trimmed")
        try check.equal(wide.hosts, [w.fixture.owner.id], "the creator hosts when no host is named")
        try check.equal(wide.spaceID, nil, "a community-wide event")
        try check.equal(wide.capacity, nil, "unlimited by default")
        try check.equal(wide.reminderOffsets, [86_400, 3_600], "default reminders")
        try check.equal(fourth.createdBy, .system("importer"), "a system creator")
        try check.equal(first.createdAt, ManualClock.epoch, "created at the clock's time")
        try check.equal(wide.createdAt, ManualClock.epoch.addingTimeInterval(1.25), "sub-second creation time")

        for event in created {
            let read = try await w.scheduler.event(event.id, in: w.community, by: w.principal(2))
            try check.equal(read, event, "every field round-trips through the store (\(event.title))")
        }
        let stored = try await w.store.read { tx -> [CommunityEvent] in
            guard let events = tx as? any EventReadTransaction else { return [] }
            var all: [CommunityEvent] = []
            var after: EventID?
            while true {
                let page = try await events.events(in: w.community, after: after, limit: 3)
                all += page
                guard page.count == 3, let last = page.last else { break }
                after = last.id
            }
            return all
        }
        try check.equal(stored, created, "the community's events page in creation (id) order")
        try check.equal(created.map(\.id), created.map(\.id).sorted(), "ids sort by creation")

        try await w.scheduler.setCapacity(of: first.id, in: w.community, to: 30, occurrences: [], by: .member(w.moderator.id))
        var expected = first
        expected.capacity = 30
        try check.equal(try await w.scheduler.event(first.id, in: w.community, by: w.owner), expected, "an update changes only the capacity")
        try await w.scheduler.setCapacity(of: third.id, in: w.community, to: nil, occurrences: [], by: w.owner)
        try check.equal(try await w.scheduler.event(third.id, in: w.community, by: w.owner).capacity, nil, "capacity back to unlimited")

        let log = try await w.fixture.communityService.activities(in: w.community, after: 0, limit: 1000, by: w.owner)
        try check.equal(log.filter { $0.verb == .eventCreated }.count, 4, "one event.created activity per event")
        try check.equal(log.filter { $0.verb == .eventUpdated }.count, 2, "one event.updated activity per capacity change")

        // The storage contract's own refusals.
        try await check.throwsCode(.conflict, field: "id", "a duplicate event id") {
            try await w.store.write { tx in try await Self.events(tx).insert(first) }
        }
        var orphan = wide
        orphan.id = w.fixture.environment.ids.next(at: w.fixture.clock.now)
        orphan.communityID = CommunityID(high: 42, low: 42)
        try await check.throwsCode(.notFound, field: "community", "an event of an unknown community") {
            try await w.store.write { tx in try await Self.events(tx).insert(orphan) }
        }
        var ghost = wide
        ghost.id = w.fixture.environment.ids.next(at: w.fixture.clock.now)
        try await check.throwsCode(.notFound, field: "event", "updating an unknown event") {
            try await w.store.write { tx in try await Self.events(tx).update(ghost) }
        }
        try await check.throwsCode(.notFound, field: "event", "an unknown event") {
            try await w.scheduler.event(ghost.id, in: w.community, by: w.owner)
        }
        let after = try await w.store.read { tx in try await Self.events(tx).events(in: w.community, after: nil, limit: 100) }
        try check.equal(after.count, 4, "failed writes stored nothing")
    }

    func occurrencesAcrossDST(_ w: EventWorld, _ check: ConformanceCheck) async throws {
        // Paris moves to summer time on 2026-03-29: 18:00 stays 18:00, the UTC instant moves.
        var paris = EventDraft(title: "Paris evenings", start: "2026-03-17T18:00:00", timeZone: "Europe/Paris", duration: 5400)
        paris.recurrenceRule = "FREQ=WEEKLY;BYDAY=TU;COUNT=4"
        paris.recurrenceDates = ["2026-03-26T18:00:00"]
        paris.exceptionDates = ["2026-03-24T18:00:00"]
        paris.capacity = 3
        let event = try await w.scheduler.createEvent(in: w.community, paris, by: w.owner)
        let all = try await w.scheduler.occurrences(of: event.id, in: w.community, from: .distantPast, to: .distantFuture, by: w.principal(0))
        try check.equal(all.map(\.key), ["2026-03-17T18:00:00", "2026-03-26T18:00:00", "2026-03-31T18:00:00", "2026-04-07T18:00:00"],
                        "RDATE adds, EXDATE removes, wall-clock keys")
        try check.equal(all.map(\.utcOffset), [3600, 3600, 7200, 7200], "UTC offsets before and after the change")
        try check.equal(all.map { Self.iso($0.start) }, ["2026-03-17T17:00:00Z", "2026-03-26T17:00:00Z", "2026-03-31T16:00:00Z", "2026-04-07T16:00:00Z"],
                        "instants follow the zone")
        try check.that(all.allSatisfy { $0.end.timeIntervalSince($0.start) == 5400 }, "every occurrence lasts the duration")
        let window = try await w.scheduler.occurrences(
            of: event.id, in: w.community, from: try Self.date("2026-03-26T17:00:00Z"), to: try Self.date("2026-04-07T16:00:00Z"), by: w.principal(0))
        try check.equal(window.map(\.key), ["2026-03-26T18:00:00", "2026-03-31T18:00:00"], "a window is [from, to)")

        // New York moves on 2026-03-08 and back on 2026-11-01.
        var newYork = EventDraft(title: "Standup", start: "2026-03-06T09:00:00", timeZone: "America/New_York", duration: 900)
        newYork.recurrenceRule = "FREQ=DAILY;COUNT=4"
        let daily = try await w.scheduler.createEvent(in: w.community, newYork, by: w.owner)
        let days = try await w.scheduler.occurrences(of: daily.id, in: w.community, from: .distantPast, to: .distantFuture, by: w.owner)
        try check.equal(days.map { Self.iso($0.start) }, ["2026-03-06T14:00:00Z", "2026-03-07T14:00:00Z", "2026-03-08T13:00:00Z", "2026-03-09T13:00:00Z"],
                        "09:00 local on both sides of the change")
        var autumn = EventDraft(title: "Autumn", start: "2026-10-30T09:00:00", timeZone: "America/New_York", duration: 900)
        autumn.recurrenceRule = "FREQ=DAILY;COUNT=4"
        let fall = try await w.scheduler.createEvent(in: w.community, autumn, by: w.owner)
        let fallDays = try await w.scheduler.occurrences(of: fall.id, in: w.community, from: .distantPast, to: .distantFuture, by: w.owner)
        try check.equal(fallDays.map(\.utcOffset), [-14_400, -14_400, -18_000, -18_000], "offsets across the autumn change")

        // Occurrences after the change are bookable by their wall-clock key, and only by it.
        let after = try await w.scheduler.rsvp(to: event.id, occurrence: "2026-03-31T18:00:00", .going, in: w.community, by: w.principal(0))
        try check.equal(after.seat, .confirmed, "a seat on the first summer-time occurrence")
        let added = try await w.scheduler.rsvp(to: event.id, occurrence: "2026-03-26T18:00:00", .going, in: w.community, by: w.principal(0))
        try check.equal(added.seat, .confirmed, "an RDATE occurrence is bookable")
        try await check.throwsCode(.invalidInput, field: "occurrence", "the UTC hour is not the key") {
            try await w.scheduler.rsvp(to: event.id, occurrence: "2026-03-31T16:00:00", .going, in: w.community, by: w.principal(1))
        }
        try await check.throwsCode(.invalidInput, field: "occurrence", "an EXDATE occurrence is not bookable") {
            try await w.scheduler.rsvp(to: event.id, occurrence: "2026-03-24T18:00:00", .going, in: w.community, by: w.principal(1))
        }
        try check.equal(try await w.seats(event.id, "2026-03-31T18:00:00").confirmed, 1, "counters per occurrence")
        try check.equal(try await w.seats(event.id, "2026-03-26T18:00:00").confirmed, 1, "counters per occurrence")
        try check.equal(try await w.seats(event.id, "2026-03-17T18:00:00").confirmed, 0, "an untouched occurrence")
    }

    func refusals(_ w: EventWorld, _ check: ConformanceCheck) async throws {
        let event = try await w.weekly(capacity: 10, deadline: 3600)
        let next = "2026-01-13T18:00:00"
        try await check.throwsCode(.invalidInput, field: "occurrence", "not an occurrence (a Wednesday)") {
            try await w.scheduler.rsvp(to: event.id, occurrence: "2026-01-07T18:00:00", .going, in: w.community, by: w.principal(0))
        }
        try await check.throwsCode(.invalidInput, field: "occurrence", "not a date") {
            try await w.scheduler.rsvp(to: event.id, occurrence: "not a date", .going, in: w.community, by: w.principal(0))
        }
        try await check.throwsCode(.invalidInput, field: "occurrence", "after the series' COUNT") {
            try await w.scheduler.rsvp(to: event.id, occurrence: "2026-03-17T18:00:00", .going, in: w.community, by: w.principal(0))
        }
        try await check.throwsCode(.invalidInput, field: "actor", "a system actor cannot answer") {
            try await w.scheduler.rsvp(to: event.id, occurrence: next, .going, in: w.community, by: .system("x"))
        }
        try await check.throwsCode(.forbidden, "a guest") {
            try await w.scheduler.rsvp(to: event.id, occurrence: next, .going, in: w.community, by: .member(w.guest.id))
        }
        try await check.throwsCode(.forbidden, "a stranger") {
            try await w.scheduler.rsvp(to: event.id, occurrence: next, .going, in: w.community, by: .member(MemberID(high: 7, low: 7)))
        }
        try await check.throwsCode(.notFound, field: "event", "an unknown event") {
            try await w.scheduler.rsvp(to: EventID(high: 9, low: 9), occurrence: next, .going, in: w.community, by: w.principal(0))
        }
        try await check.throwsCode(.notFound, field: "event", "seats of an unknown event") {
            try await w.scheduler.seats(of: EventID(high: 9, low: 9), occurrence: next, in: w.community, by: w.owner)
        }
        try await check.throwsCode(.notFound, field: "event", "capacity of an unknown event") {
            try await w.scheduler.setCapacity(of: EventID(high: 9, low: 9), in: w.community, to: 3, occurrences: [], by: w.owner)
        }

        // Another community's event is unknown here, whatever the caller.
        let other = try await w.otherCommunity()
        var draft = EventDraft(title: "Elsewhere", start: "2026-01-13T18:00:00", timeZone: "UTC", duration: 3600)
        draft.capacity = 5
        let foreign = try await w.scheduler.createEvent(in: other.community.id, draft, by: .member(other.owner.id))
        try await check.throwsCode(.notFound, field: "event", "another community's event") {
            try await w.scheduler.rsvp(to: foreign.id, occurrence: next, .going, in: w.community, by: w.principal(0))
        }
        try await check.throwsCode(.forbidden, "answering in a community one is not a member of") {
            try await w.scheduler.rsvp(to: foreign.id, occurrence: next, .going, in: other.community.id, by: w.principal(0))
        }

        // Deadline (one hour before) and start.
        w.fixture.clock.set(to: try Self.date("2026-01-06T16:30:00Z"))  // 17:30 Paris, 30 min before
        try await check.throwsCode(.forbidden, "after the RSVP deadline") {
            try await w.scheduler.rsvp(to: event.id, occurrence: "2026-01-06T18:00:00", .going, in: w.community, by: w.principal(0))
        }
        w.fixture.clock.set(to: try Self.date("2026-01-06T17:30:00Z"))  // 18:30 Paris, started
        try await check.throwsCode(.forbidden, "an occurrence that started") {
            try await w.scheduler.rsvp(to: event.id, occurrence: "2026-01-06T18:00:00", .going, in: w.community, by: w.principal(0))
        }
        w.fixture.clock.set(to: try Self.date("2026-01-06T15:59:59Z"))  // just before the deadline
        let inTime = try await w.scheduler.rsvp(to: event.id, occurrence: "2026-01-06T18:00:00", .going, in: w.community, by: w.principal(1))
        try check.equal(inTime.seat, .confirmed, "an answer just before the deadline")

        // Refused events.
        var bad = EventDraft(title: "Bad", start: "2026-01-06T18:00:00", timeZone: "Europe/Paris", duration: 3600)
        bad.recurrenceRule = "FREQ=WEEKLY;BYWEEKNO=3"
        try await check.throwsCode(.invalidInput, field: "rrule.BYWEEKNO", "BYWEEKNO outside YEARLY") {
            try await w.scheduler.createEvent(in: w.community, bad, by: w.owner)
        }
        bad.recurrenceRule = "FREQ=WEEKLY;INTERVAL=often"
        try await check.throwsCode(.invalidInput, field: "rrule.INTERVAL", "a malformed INTERVAL") {
            try await w.scheduler.createEvent(in: w.community, bad, by: w.owner)
        }
        bad.recurrenceRule = "FREQ=WEEKLY;BYDAY=XX"
        try await check.throwsCode(.invalidInput, field: "rrule.BYDAY", "a malformed BYDAY") {
            try await w.scheduler.createEvent(in: w.community, bad, by: w.owner)
        }
        bad.recurrenceRule = nil
        bad.recurrenceDates = ["tomorrow"]
        try await check.throwsCode(.invalidInput, field: "recurrenceDates", "a malformed RDATE") {
            try await w.scheduler.createEvent(in: w.community, bad, by: w.owner)
        }
        bad.recurrenceDates = []
        bad.timeZone = "Mars/Base"
        try await check.throwsCode(.invalidInput, field: "timeZone", "an unknown zone") {
            try await w.scheduler.createEvent(in: w.community, bad, by: w.owner)
        }
        bad.timeZone = "UTC"
        bad.duration = 0
        try await check.throwsCode(.invalidInput, field: "duration", "no duration") {
            try await w.scheduler.createEvent(in: w.community, bad, by: w.owner)
        }
        bad.duration = 3600
        bad.capacity = 0
        try await check.throwsCode(.invalidInput, field: "capacity", "no seats") {
            try await w.scheduler.createEvent(in: w.community, bad, by: w.owner)
        }
        bad.capacity = nil
        try await check.throwsCode(.forbidden, "a member creating a community-wide event") {
            try await w.scheduler.createEvent(in: w.community, bad, by: w.principal(0))
        }
        try await check.throwsCode(.forbidden, "a member changing capacity") {
            try await w.scheduler.setCapacity(of: event.id, in: w.community, to: 1, occurrences: [], by: w.principal(0))
        }
        try await check.throwsCode(.invalidInput, field: "occurrence", "a capacity change for a non-occurrence") {
            try await w.scheduler.setCapacity(of: event.id, in: w.community, to: 1, occurrences: ["2026-01-07T18:00:00"], by: w.owner)
        }

        // Nothing refused left a trace.
        try check.equal(try await w.scheduler.event(event.id, in: w.community, by: w.owner).capacity, 10, "a refused capacity change changed nothing")
        let untouched = try await w.seats(event.id, next)
        try check.equal([untouched.confirmed, untouched.waitlisted, untouched.nextWaitlistNumber], [0, 0, 1], "refused answers took no seat")
        try check.equal(try await w.attendees(event.id, next).count, 0, "refused answers stored no RSVP")
        let events = try await w.store.read { tx in try await Self.events(tx).events(in: w.community, after: nil, limit: 100) }
        try check.equal(events.map(\.id), [event.id], "refused events were not stored")
        let log = try await w.fixture.communityService.activities(in: w.community, after: 0, limit: 1000, by: w.owner)
        try check.equal(log.filter { $0.verb == .rsvpChanged }.count, 1, "only the accepted answer is logged")
    }

    func tenantIsolation(_ w: EventWorld, _ check: ConformanceCheck) async throws {
        let mine = try await w.weekly(capacity: 1)
        let occurrence = "2026-01-13T18:00:00"
        try await w.scheduler.rsvp(to: mine.id, occurrence: occurrence, .going, in: w.community, by: w.principal(0))
        try await w.scheduler.rsvp(to: mine.id, occurrence: occurrence, .going, in: w.community, by: w.principal(1))

        let other = try await w.otherCommunity()
        let theirCommunity = other.community.id
        var draft = EventDraft(title: "Their event", start: occurrence, timeZone: "UTC", duration: 3600)
        draft.capacity = 1
        let theirs = try await w.scheduler.createEvent(in: theirCommunity, draft, by: .member(other.owner.id))
        try await w.scheduler.rsvp(to: theirs.id, occurrence: occurrence, .going, in: theirCommunity, by: .member(other.members[0].id))
        try await w.scheduler.rsvp(to: theirs.id, occurrence: occurrence, .going, in: theirCommunity, by: .member(other.members[1].id))

        let outsider = Principal.member(other.owner.id)
        try await check.throwsCode(.notFound, field: "event", "reading an event through another community") {
            try await w.scheduler.event(mine.id, in: theirCommunity, by: outsider)
        }
        try await check.throwsCode(.notFound, field: "event", "occurrences through another community") {
            try await w.scheduler.occurrences(of: mine.id, in: theirCommunity, from: .distantPast, to: .distantFuture, by: outsider)
        }
        try await check.throwsCode(.notFound, field: "event", "answering through another community") {
            try await w.scheduler.rsvp(to: mine.id, occurrence: occurrence, .going, in: theirCommunity, by: .member(other.members[2].id))
        }
        try await check.throwsCode(.notFound, field: "event", "seats through another community") {
            try await w.scheduler.seats(of: mine.id, occurrence: occurrence, in: theirCommunity, by: outsider)
        }
        try await check.throwsCode(.notFound, field: "event", "the waitlist through another community") {
            try await w.scheduler.waitlist(of: mine.id, occurrence: occurrence, in: theirCommunity, by: outsider)
        }
        try await check.throwsCode(.notFound, field: "event", "attendees through another community") {
            try await w.scheduler.attendees(of: mine.id, occurrence: occurrence, in: theirCommunity, by: outsider)
        }
        try await check.throwsCode(.notFound, field: "event", "a capacity change through another community") {
            try await w.scheduler.setCapacity(of: mine.id, in: theirCommunity, to: 100, occurrences: [occurrence], by: outsider)
        }
        try await check.throwsCode(.forbidden, "their owner reading our event in our community") {
            try await w.scheduler.event(mine.id, in: w.community, by: outsider)
        }

        // The storage contract: lookups and writes are scoped to the community.
        try await w.store.read { tx in
            let events = try Self.events(tx)
            try check.equal(try await events.events(in: w.community, after: nil, limit: 100).map(\.id), [mine.id], "our events only")
            try check.equal(try await events.events(in: theirCommunity, after: nil, limit: 100).map(\.id), [theirs.id], "their events only")
            try check.equal(try await events.event(mine.id, in: theirCommunity), nil, "our event is not theirs")
            try check.equal(try await events.event(theirs.id, in: w.community), nil, "their event is not ours")
        }
        var moved = mine
        moved.communityID = theirCommunity
        try await check.throwsCode(.notFound, field: "event", "an update cannot move an event to another community") {
            try await w.store.write { tx in try await Self.events(tx).update(moved) }
        }
        let planted = EventRSVP(eventID: mine.id, communityID: theirCommunity, occurrence: occurrence, memberID: other.members[3].id,
                                response: .going, seat: .confirmed, respondedAt: w.fixture.clock.now, updatedAt: w.fixture.clock.now)
        try await check.throwsCode(.notFound, field: "event", "an RSVP claiming another community") {
            try await w.store.write { tx in try await Self.events(tx).upsert(planted) }
        }

        // Each community's counters, waitlists and notifications are its own.
        let ours = try await w.seats(mine.id, occurrence)
        try check.equal([ours.confirmed, ours.waitlisted], [1, 1], "our counters")
        try check.equal(try await w.attendees(mine.id, occurrence).map(\.memberID).sorted(), [w.member(0).id, w.member(1).id].sorted(),
                        "our answers only")
        try await w.scheduler.rsvp(to: theirs.id, occurrence: occurrence, .notGoing, in: theirCommunity, by: .member(other.members[0].id))
        let theirInbox = try await w.inbox(of: other.members[1].id)
        try check.equal(theirInbox.map(\.kind), [.eventSeatConfirmed], "their promoted member is told")
        try check.equal(theirInbox.map(\.communityID), [theirCommunity], "in their community")
        try check.equal(try await w.inbox(of: w.member(1).id).count, 0, "our waitlisted member was not promoted by their change")
        let after = try await w.seats(mine.id, occurrence)
        try check.equal([after.confirmed, after.waitlisted], [1, 1], "our counters did not move")
        let theirLog = try await other.communityService.activities(in: theirCommunity, after: 0, limit: 1000, by: outsider)
        try check.that(theirLog.allSatisfy { $0.communityID == theirCommunity }, "their log holds only their activities")
        try check.that(!theirLog.contains { $0.subject.id == mine.id.description }, "their log never names our event")
    }

    // MARK: Helpers

    static func events(_ tx: any StoreReadTransaction) throws -> any EventReadTransaction {
        guard let events = tx as? any EventReadTransaction else { throw unsupported }
        return events
    }

    static func events(_ tx: any StoreWriteTransaction) throws -> any EventWriteTransaction {
        guard let events = tx as? any EventWriteTransaction else { throw unsupported }
        return events
    }

    static let unsupported = CommunityError(.storage, "the store does not implement EventWriteTransaction")

    static func date(_ text: String) throws -> Date {
        guard let date = ISO8601DateFormatter().date(from: text) else {
            throw CommunityError.invalidInput("'\(text)' is not an ISO 8601 instant", field: "date")
        }
        return date
    }

    static func iso(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
}

extension EventWorld {
    /// A second community in the same store, sharing the clock and the id generator.
    func otherCommunity() async throws -> CommunityFixture {
        try await CommunityFixture.make(
            slug: "elsewhere", members: 4, spaces: 1, store: store, clock: fixture.clock, ids: fixture.environment.ids)
    }
}
