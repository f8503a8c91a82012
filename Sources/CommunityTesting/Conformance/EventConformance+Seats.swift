import CommunityCore
import CommunityEvents
import Foundation

extension EventConformance {
    func seatsWaitlistAndPromotion(_ w: EventWorld, _ check: ConformanceCheck) async throws {
        let event = try await w.weekly(capacity: 2)
        let occurrence = "2026-01-13T18:00:00"
        var answers: [EventRSVP] = []
        for index in 0..<5 {
            w.fixture.clock.advance(by: 1)
            answers.append(try await w.scheduler.rsvp(to: event.id, occurrence: occurrence, .going, in: w.community, by: w.principal(index)))
        }
        try check.equal(answers.map(\.seat), [.confirmed, .confirmed, .waitlisted, .waitlisted, .waitlisted], "seats, then the waitlist")
        try check.equal(answers.map(\.waitlistNumber), [nil, nil, 1, 2, 3], "waitlist places in arrival order")
        try check.equal(answers[3].respondedAt, ManualClock.epoch.addingTimeInterval(4), "answer time")
        let stored = try await w.store.read { tx in
            try await Self.events(tx).rsvp(to: event.id, occurrence: occurrence, of: w.member(3).id)
        }
        try check.equal(stored, answers[3], "the stored RSVP round-trips")

        w.fixture.clock.advance(by: 1)
        let again = try await w.scheduler.rsvp(to: event.id, occurrence: occurrence, .going, in: w.community, by: w.principal(3))
        try check.equal(again, answers[3], "answering the same again changes nothing, not even the time")

        w.fixture.clock.advance(by: 1)
        let leaving = try await w.scheduler.rsvp(to: event.id, occurrence: occurrence, .notGoing, in: w.community, by: w.principal(0))
        try check.equal([leaving.seat], [.none], "leaving holds no seat")
        try check.equal(leaving.respondedAt, answers[0].respondedAt, "the first answer's time stays")
        try check.equal(leaving.updatedAt, w.fixture.clock.now, "the change's time")
        try check.equal(try await w.waitlist(event.id, occurrence).map(\.memberID), [w.member(3).id, w.member(4).id], "the first waitlisted moved up")
        try check.equal(try await w.waitlist(event.id, occurrence).map(\.waitlistNumber), [2, 3], "the others keep their places")
        let confirmed = try await w.attendees(event.id, occurrence).filter { $0.seat == .confirmed }
        try check.equal(confirmed.map(\.memberID), [w.member(1).id, w.member(2).id].sorted(), "confirmed seats, in member order")
        let promoted = try await w.store.read { tx in
            try await Self.events(tx).rsvp(to: event.id, occurrence: occurrence, of: w.member(2).id)
        }
        try check.equal(promoted?.seat, .confirmed, "the promoted member holds a seat")
        try check.equal(promoted?.waitlistNumber, nil, "and no waitlist place")
        try check.equal(promoted?.updatedAt, w.fixture.clock.now, "promoted now")
        let inbox = try await w.inbox(of: w.member(2).id)
        try check.equal(inbox.map(\.kind), [.eventSeatConfirmed], "the promoted member is told")
        try check.equal(inbox.first?.actor, .system("waitlist"), "by the waitlist")
        try check.equal(inbox.first?.readAt, nil, "unread")
        try check.equal(try await w.inbox(of: w.member(3).id).count, 0, "the still waitlisted are not told")
        var counters = try await w.seats(event.id, occurrence)
        try check.equal([counters.confirmed, counters.waitlisted, counters.nextWaitlistNumber], [2, 2, 4], "counters after a promotion")

        // Leaving the waitlist promotes nobody; the next free seat goes to the next in line.
        try await w.scheduler.rsvp(to: event.id, occurrence: occurrence, .maybe, in: w.community, by: w.principal(3))
        try check.equal(try await w.waitlist(event.id, occurrence).map(\.memberID), [w.member(4).id], "a waitlisted member left")
        counters = try await w.seats(event.id, occurrence)
        try check.equal([counters.confirmed, counters.waitlisted], [2, 1], "counters after leaving the waitlist")
        try await w.scheduler.rsvp(to: event.id, occurrence: occurrence, .notGoing, in: w.community, by: w.principal(1))
        try check.equal(try await w.waitlist(event.id, occurrence).count, 0, "the last waitlisted was promoted")
        try check.equal(try await w.inbox(of: w.member(4).id).map(\.kind), [.eventSeatConfirmed], "and told")
        // Coming back joins the end of the line with a new place.
        let back = try await w.scheduler.rsvp(to: event.id, occurrence: occurrence, .going, in: w.community, by: w.principal(3))
        try check.equal(back.seat, .waitlisted, "back on the waitlist")
        try check.equal(back.waitlistNumber, 4, "with a new place")

        // Every kind of answer pages in member order.
        try check.equal(try await w.attendees(event.id, occurrence, .notGoing, pageSize: 1).map(\.memberID),
                        [w.member(0).id, w.member(1).id].sorted(), "not going, one per page")
        try check.equal(try await w.attendees(event.id, occurrence, .going, pageSize: 2).map(\.memberID),
                        [w.member(2).id, w.member(3).id, w.member(4).id].sorted(), "going, two per page")
        try check.equal(try await w.attendees(event.id, occurrence, .maybe).count, 0, "nobody maybe any more")
        try check.equal(try await w.waitlist(event.id, occurrence, limit: 1).map(\.memberID), [w.member(3).id], "a limited waitlist")
        try check.equal(try await w.seats(event.id, "2026-01-20T18:00:00").confirmed, 0, "other occurrences are untouched")
        let log = try await w.fixture.communityService.activities(in: w.community, after: 0, limit: 1000, by: w.owner)
        try check.equal(log.filter { $0.verb == .waitlistPromoted }.count, 2, "one rsvp.promoted activity per promotion")
        try check.equal(log.filter { $0.verb == .rsvpChanged }.count, 9, "one rsvp.changed activity per changed answer")
    }

    func capacityChanges(_ w: EventWorld, _ check: ConformanceCheck) async throws {
        let event = try await w.weekly(capacity: 3)
        let occurrence = "2026-01-20T18:00:00"
        let quiet = "2026-01-27T18:00:00"
        for index in 0..<6 { try await w.scheduler.rsvp(to: event.id, occurrence: occurrence, .going, in: w.community, by: w.principal(index)) }
        try await w.scheduler.rsvp(to: event.id, occurrence: quiet, .going, in: w.community, by: w.principal(7))

        let none = try await w.scheduler.setCapacity(of: event.id, in: w.community, to: 1, occurrences: [occurrence], by: w.owner)
        try check.equal(none.count, 0, "lowering capacity promotes nobody")
        var counters = try await w.seats(event.id, occurrence)
        try check.equal([counters.confirmed, counters.waitlisted], [3, 3], "lowering capacity demotes nobody")
        try check.equal(try await w.attendees(event.id, occurrence).filter { $0.seat == .confirmed }.count, 3, "confirmed members keep their seats")
        let late = try await w.scheduler.rsvp(to: event.id, occurrence: occurrence, .going, in: w.community, by: .member(w.moderator.id))
        try check.equal(late.seat, .waitlisted, "over capacity, new answers wait")
        try await w.scheduler.rsvp(to: event.id, occurrence: occurrence, .maybe, in: w.community, by: w.principal(0))
        counters = try await w.seats(event.id, occurrence)
        try check.equal([counters.confirmed, counters.waitlisted], [2, 4], "a freed seat above capacity is not refilled")

        let promoted = try await w.scheduler.setCapacity(of: event.id, in: w.community, to: 4, occurrences: [occurrence, quiet], by: w.owner)
        try check.equal(promoted.map(\.memberID), [w.member(3).id, w.member(4).id], "raising capacity promotes in order")
        try check.that(promoted.allSatisfy { $0.seat == .confirmed && $0.waitlistNumber == nil }, "the promoted hold seats")
        for member in [w.member(3).id, w.member(4).id] {
            try check.equal(try await w.inbox(of: member).map(\.kind), [.eventSeatConfirmed], "each promoted member is told")
        }
        try check.equal(try await w.inbox(of: w.member(5).id).count, 0, "the next in line is not told")
        try check.equal(try await w.waitlist(event.id, occurrence).map(\.memberID), [w.member(5).id, w.moderator.id], "the rest wait in order")
        try check.equal(try await w.scheduler.event(event.id, in: w.community, by: w.owner).capacity, 4, "the new capacity is stored")
        let quietSeats = try await w.seats(event.id, quiet)
        try check.equal([quietSeats.confirmed, quietSeats.waitlisted], [1, 0], "an occurrence without a waitlist is unchanged")

        let rest = try await w.scheduler.setCapacity(of: event.id, in: w.community, to: nil, occurrences: [occurrence], by: .member(w.moderator.id))
        try check.equal(rest.map(\.memberID), [w.member(5).id, w.moderator.id], "unlimited seats empty the waitlist in order")
        counters = try await w.seats(event.id, occurrence)
        try check.equal([counters.confirmed, counters.waitlisted], [6, 0], "everyone going is seated")
        let next = try await w.scheduler.rsvp(to: event.id, occurrence: occurrence, .going, in: w.community, by: w.principal(0))
        try check.equal(next.seat, .confirmed, "unlimited seats confirm at once")

        try await w.scheduler.setCapacity(of: event.id, in: w.community, to: 2, occurrences: [occurrence], by: w.owner)
        counters = try await w.seats(event.id, occurrence)
        try check.equal([counters.confirmed, counters.waitlisted], [7, 0], "lowering below the confirmed count demotes nobody")
        try await check.throwsCode(.invalidInput, field: "capacity", "a capacity of zero") {
            try await w.scheduler.setCapacity(of: event.id, in: w.community, to: 0, occurrences: [], by: w.owner)
        }
        try await check.throwsCode(.invalidInput, field: "capacity", "a capacity over a million") {
            try await w.scheduler.setCapacity(of: event.id, in: w.community, to: 1_000_001, occurrences: [], by: w.owner)
        }
    }

    /// The seat rules in a dozen lines: the reference the scheduler must match (members are
    /// numbered; also used by the property tests of the package).
    package struct Model {
        package var capacity: Int?
        package var confirmed: [Int] = []
        package var waitlist: [Int] = []
        package var promotions: [Int: Int] = [:]

        package init(capacity: Int?) {
            self.capacity = capacity
        }

        package mutating func answer(_ member: Int, going: Bool) {
            if going {
                guard !confirmed.contains(member), !waitlist.contains(member) else { return }
                if let capacity, confirmed.count >= capacity { waitlist.append(member) } else { confirmed.append(member) }
            } else {
                if let index = confirmed.firstIndex(of: member) {
                    confirmed.remove(at: index)
                    promote()
                } else {
                    waitlist.removeAll { $0 == member }
                }
            }
        }

        package mutating func setCapacity(_ capacity: Int?) {
            self.capacity = capacity
            promote()
        }

        mutating func promote() {
            while !waitlist.isEmpty, capacity.map({ confirmed.count < $0 }) ?? true {
                let member = waitlist.removeFirst()
                confirmed.append(member)
                promotions[member, default: 0] += 1
            }
        }
    }


    func modelBasedSequence(_ w: EventWorld, _ check: ConformanceCheck) async throws {
        let members = 8
        var promotions: [Int: Int] = [:]
        for seed in UInt64(0)..<3 {
            var rng = SplitMix64(seed: seed &* 7919 &+ 17)
            let event = try await w.weekly(capacity: Int.random(in: 1...4, using: &rng), title: "Model \(seed)")
            let occurrence = ["2026-01-13T18:00:00", "2026-01-20T18:00:00", "2026-01-27T18:00:00"][Int(seed)]
            var model = Model(capacity: event.capacity)
            for step in 0..<120 {
                let roll = Int.random(in: 0..<100, using: &rng)
                let what: String
                if roll < 8 {
                    let capacity: Int? = roll < 1 ? nil : Int.random(in: 1...6, using: &rng)
                    try await w.scheduler.setCapacity(of: event.id, in: w.community, to: capacity, occurrences: [occurrence], by: w.owner)
                    model.setCapacity(capacity)
                    what = "capacity \(capacity.map(String.init) ?? "unlimited")"
                } else {
                    let member = Int.random(in: 0..<members, using: &rng)
                    let response: EventRSVP.Response = [.going, .going, .notGoing, .maybe].randomElement(using: &rng) ?? .going
                    let rsvp = try await w.scheduler.rsvp(to: event.id, occurrence: occurrence, response, in: w.community, by: w.principal(member))
                    model.answer(member, going: response == .going)
                    what = "member \(member) \(response)"
                    let expected: EventRSVP.Seat = model.confirmed.contains(member) ? .confirmed : model.waitlist.contains(member) ? .waitlisted : .none
                    try check.equal(rsvp.seat, expected, "seed \(seed) step \(step) (\(what)): the answer's seat")
                }
                let label = "seed \(seed) step \(step) (\(what))"
                let waitlist = try await w.waitlist(event.id, occurrence)
                try check.equal(waitlist.map(\.memberID), model.waitlist.map { w.member($0).id }, "\(label): the waitlist is FIFO and matches the model")
                let numbers = waitlist.compactMap(\.waitlistNumber)
                try check.that(numbers.count == waitlist.count && numbers == numbers.sorted() && Set(numbers).count == numbers.count,
                               "\(label): waitlist places are distinct and increasing: \(numbers)")
                let going = try await w.attendees(event.id, occurrence, .going, pageSize: 3)
                try check.equal(Set(going.filter { $0.seat == .confirmed }.map(\.memberID)), Set(model.confirmed.map { w.member($0).id }),
                                "\(label): confirmed seats match the model")
                try check.equal(going.count, model.confirmed.count + model.waitlist.count, "\(label): every going member holds a seat or a place")
                let counters = try await w.seats(event.id, occurrence)
                try check.equal([counters.confirmed, counters.waitlisted], [model.confirmed.count, model.waitlist.count], "\(label): counters")
            }
            for (member, count) in model.promotions { promotions[member, default: 0] += count }
        }
        for member in 0..<members {
            let told = try await w.inbox(of: w.member(member).id).filter { $0.kind == .eventSeatConfirmed }.count
            try check.equal(told, promotions[member, default: 0], "member \(member) is told once per promotion")
        }
    }

    func concurrentRSVPsNeverOversell(_ w: EventWorld, _ check: ConformanceCheck) async throws {
        let count = 2_000, capacity = 50
        let now = w.fixture.clock.now
        let ids = w.fixture.environment.ids
        let crowd = (0..<count).map { index in
            Member(id: ids.next(at: now), communityID: w.community, handle: "crowd-\(index)", displayName: "Crowd \(index)", joinedAt: now)
        }
        try await w.store.write { tx in
            for member in crowd { try await tx.insert(member) }
        }
        var draft = EventDraft(title: "Launch", start: "2026-02-01T18:00:00", timeZone: "UTC", duration: 3600)
        draft.capacity = capacity
        let event = try await w.scheduler.createEvent(in: w.community, draft, by: w.owner)
        let occurrence = "2026-02-01T18:00:00"
        let scheduler = w.scheduler, community = w.community
        let answers = try await withThrowingTaskGroup(of: EventRSVP.self) { group in
            for member in crowd {
                group.addTask { try await scheduler.rsvp(to: event.id, occurrence: occurrence, .going, in: community, by: .member(member.id)) }
            }
            return try await group.reduce(into: [EventRSVP]()) { $0.append($1) }
        }
        let waitlisted = count - capacity
        try check.equal(answers.filter { $0.seat == .confirmed }.count, capacity, "exactly the capacity is confirmed")
        try check.equal(answers.filter { $0.seat == .waitlisted }.count, waitlisted, "everyone else waits")
        try check.equal(Set(answers.compactMap(\.waitlistNumber)), Set(1...waitlisted), "every waitlisted member has a distinct place")
        var counters = try await w.seats(event.id, occurrence)
        try check.equal([counters.confirmed, counters.waitlisted, counters.nextWaitlistNumber], [capacity, waitlisted, waitlisted + 1],
                        "counters agree with the answers")
        let going = try await w.attendees(event.id, occurrence, .going, pageSize: 1000)
        try check.equal(going.map(\.memberID), crowd.map(\.id).sorted(), "every answer is stored once, in member order")
        try check.equal(going.filter { $0.seat == .confirmed }.count, capacity, "a recount of confirmed seats")
        let head = try await w.waitlist(event.id, occurrence, limit: 1000)
        try check.equal(head.compactMap(\.waitlistNumber), Array(1...1000), "the waitlist reads in place order")

        // Ten confirmed members leave at once: exactly the first ten in line move up.
        let leavers = answers.filter { $0.seat == .confirmed }.prefix(10).map(\.memberID)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for member in leavers {
                group.addTask { _ = try await scheduler.rsvp(to: event.id, occurrence: occurrence, .notGoing, in: community, by: .member(member)) }
            }
            try await group.waitForAll()
        }
        let byNumber = Dictionary(uniqueKeysWithValues: answers.compactMap { rsvp in rsvp.waitlistNumber.map { ($0, rsvp.memberID) } })
        let firstTen = (1...10).compactMap { byNumber[$0] }
        counters = try await w.seats(event.id, occurrence)
        try check.equal([counters.confirmed, counters.waitlisted], [capacity, waitlisted - 10], "seats stay full, the line is ten shorter")
        try check.equal(try await w.waitlist(event.id, occurrence, limit: 1).compactMap(\.waitlistNumber), [11], "the line now starts at place 11")
        for member in firstTen {
            try check.equal(try await w.inbox(of: member).map(\.kind), [.eventSeatConfirmed], "each of the first ten is told")
        }
        let confirmed = try await w.attendees(event.id, occurrence, .going, pageSize: 1000).filter { $0.seat == .confirmed }
        try check.equal(confirmed.count, capacity, "never oversold")
        try check.that(Set(firstTen).isSubset(of: Set(confirmed.map(\.memberID))), "the first ten hold seats")
    }
}
