public import CommunityCore
import CommunityEvents
import Foundation

/// The event scheduler's behaviour, runnable against any store that implements the event
/// storage contract (``CommunityCore/EventWriteTransaction``). Every backend in the repo runs
/// it; a backend that fails a case stores events, RSVPs or seat counters wrongly.
///
/// ```swift
/// @Test(arguments: EventConformance.Case.allCases)
/// func events(_ testCase: EventConformance.Case) async throws {
///     try await EventConformance { InMemoryCommunityStore() }.run(testCase)
/// }
/// ```
public struct EventConformance: ConformanceSuite {
    /// The behaviours checked.
    public enum Case: String, CaseIterable, Sendable, CustomStringConvertible {
        /// Every field of an event round-trips (locations, recurrence, RDATE/EXDATE, capacity,
        /// deadline, reminders); events page in id order; duplicate ids and unknown communities fail.
        case createAndReadEvents
        /// Occurrences keep their wall-clock time across DST changes; RDATE adds, EXDATE removes.
        case occurrencesAcrossDST
        /// Seats, then the waitlist, then FIFO promotion with an inbox notification.
        case seatsWaitlistAndPromotion
        /// Raising capacity promotes in order; lowering it never demotes.
        case capacityChanges
        /// Refusals: not an occurrence, after the deadline, started, guest, bad RRULE, unknown
        /// event, another community's event; a refused RSVP changes nothing.
        case refusals
        /// A random sequence of answers and capacity changes matches a reference model at every step.
        case modelBasedSequence
        /// 2,000 concurrent RSVPs to a 50-seat occurrence: 50 confirmed, 1,950 waitlisted in distinct places.
        case concurrentRSVPsNeverOversell
        /// Two communities in one store never see each other's events, answers or counters.
        case tenantIsolation
        /// Reminders: once per member and offset, across restarted runners; missed ones only before the start.
        case reminders
        /// Live sessions: attendance minutes and no-shows, questions and upvotes, polls.
        case liveSessions
        /// Occurrence overrides: cancel, move (keeping RSVPs), split this and following.
        case overrides

        /// The case's name.
        public var description: String { rawValue }
    }

    private let makeStore: @Sendable () async throws -> any CommunityStore

    /// Creates the suite. - Parameter makeStore: Returns a new, empty store each time.
    public init(makeStore: @escaping @Sendable () async throws -> any CommunityStore) {
        self.makeStore = makeStore
    }

    /// Runs one case against a fresh store.
    /// - Throws: ``EventConformanceFailure``, or the store's own error.
    public func run(_ testCase: Case) async throws {
        let world = try await EventWorld.make(store: try await makeStore())
        let check = ConformanceCheck { message, _, line in
            EventConformanceFailure(testCase: testCase, message: message, line: line)
        }
        switch testCase {
        case .createAndReadEvents: try await createAndReadEvents(world, check)
        case .occurrencesAcrossDST: try await occurrencesAcrossDST(world, check)
        case .seatsWaitlistAndPromotion: try await seatsWaitlistAndPromotion(world, check)
        case .capacityChanges: try await capacityChanges(world, check)
        case .refusals: try await refusals(world, check)
        case .modelBasedSequence: try await modelBasedSequence(world, check)
        case .concurrentRSVPsNeverOversell: try await concurrentRSVPsNeverOversell(world, check)
        case .tenantIsolation: try await tenantIsolation(world, check)
        case .reminders: try await reminders(world, check)
        case .liveSessions: try await liveSessions(world, check)
        case .overrides: try await overrides(world, check)
        }
    }
}

/// A failed expectation of ``EventConformance``.
public struct EventConformanceFailure: Error, CustomStringConvertible, Sendable {
    /// The case.
    public var testCase: EventConformance.Case
    /// What was expected and what happened.
    public var message: String
    /// Where.
    public var line: Int

    /// `case: message (line)`.
    public var description: String { "\(testCase.rawValue): \(message) (EventConformance line \(line))" }
}


/// A community for the event cases: an owner, a moderator, eight members and a guest, a public
/// space; the clock at 2026-01-01T00:00:00Z.
struct EventWorld: Sendable {
    let fixture: CommunityFixture
    let scheduler: EventScheduler
    var community: CommunityID { fixture.community.id }
    var owner: Principal { .member(fixture.owner.id) }
    var moderator: Member { fixture.members[0] }
    var guest: Member { fixture.members[9] }
    var general: Space { fixture.spaces[0] }
    var store: any CommunityStore { fixture.environment.store }

    /// The i-th plain member (0…7).
    func member(_ index: Int) -> Member { fixture.members[1 + index] }
    func principal(_ index: Int) -> Principal { .member(member(index).id) }

    static func make(store: any CommunityStore) async throws -> EventWorld {
        let fixture = try await CommunityFixture.make(slug: "events", members: 10, spaces: 1, store: store)
        let owner = Principal.member(fixture.owner.id)
        try await fixture.memberService.changeRole(of: fixture.members[0].id, in: fixture.community.id, to: .moderator, by: owner)
        try await fixture.memberService.changeRole(of: fixture.members[9].id, in: fixture.community.id, to: .guest, by: owner)
        return EventWorld(fixture: fixture, scheduler: EventScheduler(fixture.environment))
    }

    /// A weekly Tuesday 18:00 Paris series of ten from 2026-01-06 in the public space.
    func weekly(capacity: Int?, deadline: TimeInterval? = nil, title: String = "Swift on the server") async throws -> CommunityEvent {
        var draft = EventDraft(title: title, start: "2026-01-06T18:00:00", timeZone: "Europe/Paris", duration: 5400)
        draft.recurrenceRule = "FREQ=WEEKLY;BYDAY=TU;COUNT=10"
        draft.capacity = capacity
        draft.rsvpDeadline = deadline
        draft.spaceID = general.id
        return try await scheduler.createEvent(in: community, draft, by: owner)
    }

    /// The member's inbox, newest first, read straight from the store.
    func inbox(of member: MemberID) async throws -> [InboxItem] {
        try await store.read { tx in
            guard let inbox = tx as? any InboxReadTransaction else { return [] }
            return try await inbox.inbox(of: member, before: nil, unreadOnly: false, limit: 1000)
        }
    }

    /// Every answer of one kind to an occurrence, through the scheduler's pages of `pageSize`.
    func attendees(_ event: EventID, _ occurrence: String, _ response: EventRSVP.Response = .going, pageSize: Int = 1000,
                   in community: CommunityID? = nil) async throws -> [EventRSVP] {
        var all: [EventRSVP] = []
        var cursor: PageCursor?
        repeat {
            let page = try await scheduler.attendees(
                of: event, occurrence: occurrence, in: community ?? self.community, response: response, after: cursor, limit: pageSize,
                by: .system("conformance"))
            all += page.items
            cursor = page.nextCursor
        } while cursor != nil
        return all
    }

    func seats(_ event: EventID, _ occurrence: String) async throws -> OccurrenceSeats {
        try await scheduler.seats(of: event, occurrence: occurrence, in: community, by: .system("conformance"))
    }

    func waitlist(_ event: EventID, _ occurrence: String, limit: Int = 1000) async throws -> [EventRSVP] {
        try await scheduler.waitlist(of: event, occurrence: occurrence, in: community, limit: limit, by: .system("conformance"))
    }
}
