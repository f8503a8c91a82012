/// The event reads a store offers; a store that holds events conforms its read transactions to
/// this protocol (and so offers the inbox too, for waitlist promotions), and the event scheduler
/// refuses to run on one that does not.
public protocol EventReadTransaction: InboxReadTransaction {
    /// The event, if it belongs to `community`.
    func event(_ id: EventID, in community: CommunityID) async throws -> CommunityEvent?
    /// A page of the community's events in identifier (creation) order.
    func events(in community: CommunityID, after: EventID?, limit: Int) async throws -> [CommunityEvent]
    /// The member's RSVP for an occurrence.
    func rsvp(to event: EventID, occurrence: String, of member: MemberID) async throws -> EventRSVP?
    /// The seat counters of an occurrence.
    func seats(of event: EventID, occurrence: String) async throws -> OccurrenceSeats?
    /// The first `limit` waitlisted RSVPs of an occurrence, in waitlist order.
    func waitlist(of event: EventID, occurrence: String, limit: Int) async throws -> [EventRSVP]
    /// A page of an occurrence's RSVPs with a given response, in member-id order.
    func rsvps(to event: EventID, occurrence: String, response: EventRSVP.Response, after: MemberID?, limit: Int) async throws -> [EventRSVP]
}

/// The event writes a store offers.
public protocol EventWriteTransaction: InboxWriteTransaction, EventReadTransaction {
    /// Stores a new event. Throws `conflict` on a duplicate id, `notFound` for an unknown community.
    func insert(_ event: CommunityEvent) async throws
    /// Replaces an event. Throws `notFound` if absent.
    func update(_ event: CommunityEvent) async throws
    /// Stores or replaces an RSVP (one per event, occurrence and member).
    func upsert(_ rsvp: EventRSVP) async throws
    /// Stores or replaces an occurrence's seat counters.
    func upsert(_ seats: OccurrenceSeats) async throws
}
