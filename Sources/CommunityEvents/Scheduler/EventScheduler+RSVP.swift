public import CommunityCore
import Foundation

extension EventScheduler {
    /// Answers for one occurrence. `going` takes a seat if one is free, else a place at the end
    /// of the waitlist; leaving a confirmed seat (maybe, not going) promotes the first waitlisted
    /// member. Answering the same again changes nothing.
    /// Who may answer follows the event's ``CommunityCore/CommunityEvent/RSVPPolicy``: members who
    /// may write in its space (`members`), guests too (`membersAndGuests`), or only hosts and
    /// moderators registering attendees (`hostsOnly`). Hosts and moderators may always answer on
    /// behalf of a member with `attendee`.
    /// - Parameters:
    ///   - occurrence: The occurrence's key (its local start), from ``occurrences(of:in:from:to:by:)``.
    ///   - attendee: The member the answer is for; the actor by default.
    /// - Throws: `invalidInput` (not an occurrence of the event), `forbidden` (cannot RSVP in the
    ///   space, host-only event, deadline passed, occurrence started, event cancelled), `notFound`.
    @discardableResult
    public func rsvp(to id: EventID, occurrence: String, _ response: EventRSVP.Response, in community: CommunityID,
                     for attendee: MemberID? = nil, by actor: Principal) async throws -> EventRSVP {
        guard let member = attendee ?? actor.memberID else {
            throw CommunityError.invalidInput("an RSVP needs a member: pass `attendee` when the actor is \(actor)", field: "actor")
        }
        return try await write { tx, outbox in
            let now = self.now
            let event: CommunityEvent
            if member == actor.memberID {
                event = try await bookableEvent(id, in: community, by: actor, tx: tx)
            } else {
                event = try await manageableEvent(id, in: community, by: actor, tx: tx)
                let attending = try await tx.acting(.member(member), in: community, at: now)
                guard attending.status == .active else { throw CommunityError.forbidden("a \(attending.status.rawValue) member cannot attend") }
                guard event.status != .cancelled else { throw CommunityError.forbidden("this event is cancelled") }
            }
            let resolved = try Self.occurrence(occurrence, of: event, overrides: try await overrides(of: id, tx: tx))
            guard !resolved.isCancelled else { throw CommunityError.forbidden("this occurrence is cancelled") }
            let start = resolved.start
            guard start > now else { throw CommunityError.forbidden("this occurrence has already started") }
            if let deadline = event.rsvpDeadline, now > start.addingTimeInterval(-deadline) {
                throw CommunityError.forbidden("RSVPs for this occurrence closed \(Int(deadline / 60)) minutes before its start")
            }
            var seats = try await tx.seats(of: id, occurrence: occurrence) ?? OccurrenceSeats(eventID: id, occurrence: occurrence)
            let previous = try await tx.rsvp(to: id, occurrence: occurrence, of: member)
            if let previous, previous.response == response { return previous }
            var rsvp = previous ?? EventRSVP(eventID: id, communityID: community, occurrence: occurrence, memberID: member,
                                             response: response, seat: .none, respondedAt: now, updatedAt: now)
            let freedSeat = previous?.seat == .confirmed
            switch previous?.seat {
            case .confirmed: seats.confirmed -= 1
            case .waitlisted: seats.waitlisted -= 1
            case .none?, nil: break
            }
            rsvp.response = response
            rsvp.updatedAt = now
            rsvp.waitlistNumber = nil
            if response == .going {
                if let capacity = event.capacity, seats.confirmed >= capacity {
                    rsvp.seat = .waitlisted
                    rsvp.waitlistNumber = seats.nextWaitlistNumber
                    seats.nextWaitlistNumber += 1
                    seats.waitlisted += 1
                } else {
                    rsvp.seat = .confirmed
                    seats.confirmed += 1
                }
            } else {
                rsvp.seat = .none
            }
            try await tx.upsert(rsvp)
            try await tx.recordActivity(.rsvpChanged, by: actor, subject: SubjectRef("event", id), community: community, space: event.spaceID,
                                        at: now, ids: environment.ids,
                                        payload: ["occurrence": occurrence, "response": response.rawValue, "seat": rsvp.seat.rawValue])
            if freedSeat { try await promote(event, occurrence: occurrence, seats: &seats, tx: tx, outbox: outbox) }
            try await tx.upsert(seats)
            return rsvp
        }
    }

    /// Changes an event's capacity (its hosts, moderators of its space, or admins). Raising it
    /// promotes waitlisted members in order; lowering it never demotes confirmed members (new
    /// `going` answers wait until enough seats free up).
    /// - Parameter capacity: 1…1,000,000, or `nil` for unlimited.
    /// - Returns: The members promoted, per occurrence with RSVPs.
    @discardableResult
    public func setCapacity(of id: EventID, in community: CommunityID, to capacity: Int?, occurrences: [String],
                            by actor: Principal) async throws -> [EventRSVP] {
        if let capacity, !(1...1_000_000).contains(capacity) {
            throw CommunityError.invalidInput("capacity must be between 1 and 1,000,000 (or nil for unlimited)", field: "capacity")
        }
        guard occurrences.count <= 100 else { throw CommunityError.invalidInput("at most 100 occurrences at a time", field: "occurrences") }
        return try await write { tx, outbox in
            let now = self.now
            var event = try await manageableEvent(id, in: community, by: actor, tx: tx)
            let overrides = try await overrides(of: id, tx: tx)
            for occurrence in occurrences { _ = try Self.occurrence(occurrence, of: event, overrides: overrides) }
            event.capacity = capacity
            try await tx.update(event)
            try await tx.recordActivity(.eventUpdated, by: actor, subject: SubjectRef("event", id), community: community, space: event.spaceID,
                                        at: now, ids: environment.ids, payload: ["capacity": capacity.map(String.init) ?? "unlimited"])
            var promoted: [EventRSVP] = []
            for occurrence in occurrences {
                guard var seats = try await tx.seats(of: id, occurrence: occurrence) else { continue }
                promoted += try await promote(event, occurrence: occurrence, seats: &seats, tx: tx, outbox: outbox)
                try await tx.upsert(seats)
            }
            return promoted
        }
    }

    /// The seat counters of an occurrence.
    public func seats(of id: EventID, occurrence: String, in community: CommunityID, by viewer: Principal) async throws -> OccurrenceSeats {
        try await read { tx in
            _ = try await visibleEvent(id, in: community, by: viewer, tx: tx)
            return try await tx.seats(of: id, occurrence: occurrence) ?? OccurrenceSeats(eventID: id, occurrence: occurrence)
        }
    }

    /// The waitlist of an occurrence, in promotion order (at most `limit`).
    public func waitlist(of id: EventID, occurrence: String, in community: CommunityID, limit: Int = 100, by viewer: Principal) async throws -> [EventRSVP] {
        try Validate.limit(limit, max: 1000)
        return try await read { tx in
            _ = try await visibleEvent(id, in: community, by: viewer, tx: tx)
            return try await tx.waitlist(of: id, occurrence: occurrence, limit: limit)
        }
    }

    /// A page of an occurrence's answers of one kind, in member order.
    public func attendees(of id: EventID, occurrence: String, in community: CommunityID, response: EventRSVP.Response = .going,
                          after: PageCursor? = nil, limit: Int = 100, by viewer: Principal) async throws -> Page<EventRSVP> {
        try Validate.limit(limit, max: 1000)
        let cursor: MemberID? = try after?.identifier()
        return try await read { tx in
            _ = try await visibleEvent(id, in: community, by: viewer, tx: tx)
            let items = try await tx.rsvps(to: id, occurrence: occurrence, response: response, after: cursor, limit: limit)
            return Page(items: items, nextCursor: items.count == limit ? items.last.map { PageCursor(after: $0.memberID) } : nil)
        }
    }

    /// Moves waitlisted members, first come first served, into free seats; tells each of them.
    @discardableResult
    func promote(_ event: CommunityEvent, occurrence: String, seats: inout OccurrenceSeats, tx: any EventWriteTransaction,
                 outbox: Outbox) async throws -> [EventRSVP] {
        let free = event.capacity.map { $0 - seats.confirmed } ?? seats.waitlisted
        guard free > 0, seats.waitlisted > 0 else { return [] }
        let now = self.now
        var promoted: [EventRSVP] = []
        for var rsvp in try await tx.waitlist(of: event.id, occurrence: occurrence, limit: free) {
            rsvp.seat = .confirmed
            rsvp.waitlistNumber = nil
            rsvp.updatedAt = now
            try await tx.upsert(rsvp)
            seats.confirmed += 1
            seats.waitlisted -= 1
            promoted.append(rsvp)
            try await tx.recordActivity(.waitlistPromoted, by: .system("waitlist"), subject: SubjectRef("member", rsvp.memberID),
                                        community: event.communityID, space: event.spaceID, at: now, ids: environment.ids,
                                        payload: ["event": event.id.description, "occurrence": occurrence])
            let item = InboxItem(id: environment.ids.next(at: now), communityID: event.communityID, memberID: rsvp.memberID,
                                 kind: .eventSeatConfirmed, actor: .system("waitlist"),
                                 summary: "A seat freed up: you are going to \(event.title) (\(occurrence))", createdAt: now)
            try await tx.insert(item)
            outbox.items.append(item)
        }
        return promoted
    }

    /// The event, if the actor may answer for themselves under its RSVP policy.
    func bookableEvent(_ id: EventID, in community: CommunityID, by actor: Principal, tx: any EventReadTransaction) async throws -> CommunityEvent {
        guard let event = try await tx.event(id, in: community) else {
            throw CommunityError.notFound("no event with id \(id) in this community", field: "event")
        }
        if event.rsvpPolicy == .hostsOnly, !(actor.memberID.map(event.hosts.contains) ?? false) {
            _ = try await visibleEvent(id, in: community, by: actor, tx: tx)
            throw CommunityError.forbidden("hosts register the attendees of this event; ask a host")
        }
        let minimum: Role = event.rsvpPolicy == .membersAndGuests ? .guest : .member
        if let space = event.spaceID {
            let access = try await tx.authorize(.read, by: actor, space: space, in: community, policy: environment.policy, at: now)
            guard access.actor.isSystem || (access.actor.status == .active && access.role >= minimum) else {
                throw CommunityError.forbidden("a \(access.actor.status == .active ? access.role.rawValue : access.actor.status.rawValue) may not RSVP to this event")
            }
        } else {
            let acting = try await tx.acting(actor, in: community, at: now)
            guard acting.isSystem || (acting.status == .active && acting.role >= minimum) else {
                throw CommunityError.forbidden("a \(acting.status == .active ? acting.role.rawValue : acting.status.rawValue) may not RSVP to this event")
            }
        }
        guard event.status != .cancelled else { throw CommunityError.forbidden("this event is cancelled") }
        return event
    }

    func manageableEvent(_ id: EventID, in community: CommunityID, by actor: Principal, tx: any EventReadTransaction) async throws -> CommunityEvent {
        let event = try await visibleEvent(id, in: community, by: actor, tx: tx)
        if let member = actor.memberID, event.hosts.contains(member) { return event }
        if let space = event.spaceID {
            try await tx.authorize(.moderate, by: actor, space: space, in: community, policy: environment.policy, at: now)
        } else {
            try await tx.authorize(.manageSpaces, by: actor, in: community, policy: environment.policy, at: now)
        }
        return event
    }
}
