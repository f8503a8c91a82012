public import CommunityCore
public import Foundation

/// The event scheduler: events and recurring series, their occurrences, and RSVPs with capacity
/// and a FIFO waitlist.
///
/// The seat rules live here and hold on every backend because each RSVP is one serializable
/// write: an occurrence never confirms more members than its capacity, whatever the interleaving;
/// when a confirmed member leaves or capacity grows, the first waitlisted member is promoted and
/// notified; lowering capacity never demotes anyone.
///
/// ```swift
/// let scheduler = EventScheduler(environment)
/// let event = try await scheduler.createEvent(in: community, draft, by: .member(host))
/// let first = try await scheduler.occurrences(of: event.id, in: community, from: now, to: nextMonth, by: .member(ada)).first!
/// let rsvp = try await scheduler.rsvp(to: event.id, occurrence: first.key, .going, in: community, by: .member(ada))
/// ```
public struct EventScheduler: Sendable {
    /// The store, clock, ids and policy.
    public let environment: CommunityEnvironment
    /// Where new inbox items (promotions) go after commit.
    public let delivery: any NotificationDelivery

    /// Creates the scheduler. The store must implement ``CommunityCore/EventWriteTransaction``.
    public init(_ environment: CommunityEnvironment, delivery: any NotificationDelivery = InboxOnlyDelivery()) {
        self.environment = environment
        self.delivery = delivery
    }

    var now: Date { environment.clock.now }

    // MARK: Events

    /// Creates an event (moderators of its space, or admins for a community-wide event).
    /// - Throws: `invalidInput` (title, zone, start, duration, RRULE with the offending part,
    ///   capacity, deadline, reminders, hosts), `forbidden`, `notFound`.
    public func createEvent(in community: CommunityID, _ draft: EventDraft, by actor: Principal) async throws -> CommunityEvent {
        let title = try Validate.name(draft.title, field: "title", max: 200)
        try Validate.text(draft.description, field: "description", max: 10_000)
        guard (60...(7 * 86_400)).contains(draft.duration) else {
            throw CommunityError.invalidInput("duration must be between 1 minute and 7 days", field: "duration")
        }
        if let capacity = draft.capacity, !(1...1_000_000).contains(capacity) {
            throw CommunityError.invalidInput("capacity must be between 1 and 1,000,000 (or nil for unlimited)", field: "capacity")
        }
        if let deadline = draft.rsvpDeadline, !(0...(30 * 86_400)).contains(deadline) {
            throw CommunityError.invalidInput("rsvpDeadline must be between 0 and 30 days before the start", field: "rsvpDeadline")
        }
        guard draft.reminderOffsets.count <= 5, draft.reminderOffsets.allSatisfy({ (60...(30 * 86_400)).contains($0) }) else {
            throw CommunityError.invalidInput("at most 5 reminders, each 1 minute to 30 days before the start", field: "reminderOffsets")
        }
        try Self.validate(draft.location)
        let candidate = CommunityEvent(
            id: environment.ids.next(at: now), communityID: community, spaceID: draft.spaceID, title: title, description: draft.description,
            hosts: draft.hosts, format: draft.format, location: draft.location, start: draft.start, timeZoneIdentifier: draft.timeZone,
            duration: draft.duration, recurrenceRule: draft.recurrenceRule, recurrenceDates: draft.recurrenceDates,
            exceptionDates: draft.exceptionDates, capacity: draft.capacity, rsvpDeadline: draft.rsvpDeadline,
            reminderOffsets: draft.reminderOffsets, rsvpPolicy: draft.rsvpPolicy, createdBy: actor, createdAt: now)
        _ = try Self.recurrence(of: candidate)
        return try await write { tx, _ in
            let now = self.now
            let acting: ActingParty
            if let space = draft.spaceID {
                acting = try await tx.authorize(.startAnnouncement, by: actor, space: space, in: community, policy: environment.policy, at: now).actor
            } else {
                acting = try await tx.authorize(.manageSpaces, by: actor, in: community, policy: environment.policy, at: now)
            }
            var event = candidate
            if event.hosts.isEmpty, let member = acting.member { event.hosts = [member.id] }
            guard !event.hosts.isEmpty, event.hosts.count <= 20 else {
                throw CommunityError.invalidInput("an event has 1 to 20 hosts", field: "hosts")
            }
            for host in event.hosts { _ = try await tx.requireMember(host, in: community, field: "hosts") }
            try await tx.insert(event)
            try await tx.recordActivity(.eventCreated, by: actor, subject: SubjectRef("event", event.id), community: community,
                                        space: event.spaceID, at: now, ids: environment.ids, payload: ["format": event.format.rawValue])
            return event
        }
    }

    /// The event, if the viewer may see it.
    public func event(_ id: EventID, in community: CommunityID, by viewer: Principal) async throws -> CommunityEvent {
        try await read { tx in try await visibleEvent(id, in: community, by: viewer, tx: tx) }
    }

    /// The event's occurrences whose start lies in `[from, to)` (at most 1,000), with their
    /// overrides applied: moved ones at their new start, cancelled ones marked ``EventOccurrence/isCancelled``.
    public func occurrences(of id: EventID, in community: CommunityID, from: Date, to: Date, by viewer: Principal) async throws -> [EventOccurrence] {
        guard from < to else { throw CommunityError.invalidInput("the window must end after it starts", field: "to") }
        return try await read { tx in
            let event = try await visibleEvent(id, in: community, by: viewer, tx: tx)
            return try Self.expand(event, overrides: try await overrides(of: id, tx: tx), from: from, to: to, includeCancelled: true)
        }
    }

    // MARK: Transactions

    func write<T>(_ body: (any EventWriteTransaction, Outbox) async throws -> T) async throws -> T {
        let (result, items) = try await environment.store.write { tx in
            guard let events = tx as? any EventWriteTransaction else { throw Self.unsupported }
            let outbox = Outbox()
            return (try await body(events, outbox), outbox.items)
        }
        if !items.isEmpty { await delivery.deliver(items) }
        return result
    }

    func read<T>(_ body: (any EventReadTransaction) async throws -> T) async throws -> T {
        try await environment.store.read { tx in
            guard let events = tx as? any EventReadTransaction else { throw Self.unsupported }
            return try await body(events)
        }
    }

    static let unsupported = CommunityError(.storage, "this store does not implement event storage (EventWriteTransaction); use a backend that does")

    /// The event if it exists and the viewer may see its space (community-wide events: any member).
    func visibleEvent(_ id: EventID, in community: CommunityID, by viewer: Principal, tx: any EventReadTransaction) async throws -> CommunityEvent {
        guard let event = try await tx.event(id, in: community) else {
            throw CommunityError.notFound("no event with id \(id) in this community", field: "event")
        }
        if let space = event.spaceID {
            try await tx.authorize(.read, by: viewer, space: space, in: community, policy: environment.policy, at: now)
        } else {
            _ = try await tx.acting(viewer, in: community, at: now)
        }
        return event
    }

    /// The series of an event, parsed and validated.
    static func recurrence(of event: CommunityEvent) throws -> Recurrence {
        let zone = try Validate.timeZone(event.timeZoneIdentifier)
        let start = try parseLocal(event.start, field: "start")
        let rule = try event.recurrenceRule.map { text -> RecurrenceRule in
            do { return try RecurrenceRule(parsing: text) } catch let error as CommunityError {
                throw CommunityError.invalidInput(error.message, field: error.field ?? "recurrenceRule")
            }
        }
        guard event.recurrenceDates.count <= 500, event.exceptionDates.count <= 500 else {
            throw CommunityError.invalidInput("at most 500 RDATE and 500 EXDATE values", field: "recurrenceDates")
        }
        return try Recurrence(start: start, timeZone: zone, rule: rule,
                              rdates: try event.recurrenceDates.map { try parseLocal($0, field: "recurrenceDates") },
                              exdates: try event.exceptionDates.map { try parseLocal($0, field: "exceptionDates") })
    }

    static func parseLocal(_ text: String, field: String) throws -> LocalDateTime {
        do { return try LocalDateTime(parsing: text) } catch {
            throw CommunityError.invalidInput("'\(text.prefix(40))' is not a local date-time like 2026-03-03T18:00:00", field: field)
        }
    }

    static func validate(_ location: CommunityEvent.Location) throws {
        switch location {
        case .online(let url):
            if let url { try Validate.webURL(url, field: "location.joinURL") }
        case .inPerson(let address):
            try Validate.name(address, field: "location.address", max: 500)
        case .hybrid(let address, let url):
            try Validate.name(address, field: "location.address", max: 500)
            if let url { try Validate.webURL(url, field: "location.joinURL") }
        }
    }
}
