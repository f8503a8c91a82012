extension MemoryTransaction: EventWriteTransaction {
    private var e: MemoryEventState { state.events }

    func event(_ id: EventID, in community: CommunityID) async throws -> CommunityEvent? {
        guard let event = e.events[id], event.communityID == community else { return nil }
        return event
    }

    func events(in community: CommunityID, after: EventID?, limit: Int) async throws -> [CommunityEvent] {
        (e.eventsByCommunity[community]?.page(after: after, limit: limit) ?? []).compactMap { e.events[$0] }
    }

    func rsvp(to event: EventID, occurrence: String, of member: MemberID) async throws -> EventRSVP? {
        e.rsvps[.init(event: event, occurrence: occurrence)]?[member]
    }

    func seats(of event: EventID, occurrence: String) async throws -> OccurrenceSeats? {
        e.seats[.init(event: event, occurrence: occurrence)]
    }

    func waitlist(of event: EventID, occurrence: String, limit: Int) async throws -> [EventRSVP] {
        let key = MemoryEventState.OccurrenceKey(event: event, occurrence: occurrence)
        return (e.waitlists[key]?.page(after: nil, limit: limit) ?? []).compactMap { e.rsvps[key]?[$0.member] }
    }

    func rsvps(to event: EventID, occurrence: String, response: EventRSVP.Response, after: MemberID?, limit: Int) async throws -> [EventRSVP] {
        let key = MemoryEventState.OccurrenceKey(event: event, occurrence: occurrence)
        return (e.byResponse[key]?[response]?.page(after: after, limit: limit) ?? []).compactMap { e.rsvps[key]?[$0] }
    }

    func insert(_ event: CommunityEvent) async throws {
        guard state.communities[event.communityID] != nil else {
            throw CommunityError.notFound("no community with id \(event.communityID)", field: "community")
        }
        guard e.events[event.id] == nil else { throw CommunityError.conflict("an event with id \(event.id) already exists", field: "id") }
        change(from: nil, to: event, using: e.replace(old:new:))
    }

    func update(_ event: CommunityEvent) async throws {
        guard let old = e.events[event.id], old.communityID == event.communityID else {
            throw CommunityError.notFound("no event with id \(event.id) in this community", field: "event")
        }
        change(from: old, to: event, using: e.replace(old:new:))
    }

    func upsert(_ rsvp: EventRSVP) async throws {
        guard e.events[rsvp.eventID]?.communityID == rsvp.communityID else {
            throw CommunityError.notFound("no event with id \(rsvp.eventID) in this community", field: "event")
        }
        let old = e.rsvps[.init(event: rsvp.eventID, occurrence: rsvp.occurrence)]?[rsvp.memberID]
        e.replace(old: old, new: rsvp)
        record { [e] in
            e.replace(old: rsvp, new: old)
        }
    }

    func upsert(_ seats: OccurrenceSeats) async throws {
        let key = MemoryEventState.OccurrenceKey(event: seats.eventID, occurrence: seats.occurrence)
        let old = e.seats[key]
        e.seats[key] = seats
        record { [e] in e.seats[key] = old }
    }
}
