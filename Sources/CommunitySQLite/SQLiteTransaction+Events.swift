import CommunityCore
import Foundation

/// The event storage contract over the version-3 tables (`events`, `event_rsvps`,
/// `occurrence_seats`). Behaviour mirrors the in-memory backend: events paged in id order per
/// community, the waitlist in (waitlist number, member id) order over waitlisted RSVPs that hold
/// a number, answers paged in member-id order; `conflict` for a duplicate event id, `notFound`
/// for an unknown community, an unknown event, or an event of another community. Seat counters
/// are stored as given (the in-memory backend does not check their event either).
extension SQLiteTransaction: EventWriteTransaction {
    // MARK: Reads

    func event(_ id: EventID, in community: CommunityID) async throws -> CommunityEvent? {
        try run { db in try db.queryFirst(SQLiteQueries.eventByID, [.id(id), .id(community)], row: SQLiteRecords.event) }
    }

    func events(in community: CommunityID, after: EventID?, limit: Int) async throws -> [CommunityEvent] {
        try run { db in
            try db.query(SQLiteQueries.eventsPage, [.id(community), .cursor(after), .integer(Int64(max(0, limit)))], row: SQLiteRecords.event)
        }
    }

    func rsvp(to event: EventID, occurrence: String, of member: MemberID) async throws -> EventRSVP? {
        try run { db in
            try db.queryFirst(SQLiteQueries.rsvpLookup, [.id(event), .text(occurrence), .id(member)], row: SQLiteRecords.rsvp)
        }
    }

    func seats(of event: EventID, occurrence: String) async throws -> OccurrenceSeats? {
        try run { db in try db.queryFirst(SQLiteQueries.seatsLookup, [.id(event), .text(occurrence)], row: SQLiteRecords.seats) }
    }

    func waitlist(of event: EventID, occurrence: String, limit: Int) async throws -> [EventRSVP] {
        try run { db in
            try db.query(SQLiteQueries.waitlist, [.id(event), .text(occurrence), .integer(Int64(max(0, limit)))], row: SQLiteRecords.rsvp)
        }
    }

    func rsvps(to event: EventID, occurrence: String, response: EventRSVP.Response, after: MemberID?, limit: Int) async throws -> [EventRSVP] {
        try run { db in
            try db.query(
                SQLiteQueries.rsvpsByResponse,
                [.id(event), .text(occurrence), .text(response.rawValue), .cursor(after), .integer(Int64(max(0, limit)))],
                row: SQLiteRecords.rsvp)
        }
    }

    // MARK: Writes

    func insert(_ event: CommunityEvent) async throws {
        let values = try SQLiteRecords.values(event)
        try runWrite { db in
            guard try Self.exists(db, "SELECT 1 FROM communities WHERE id = ?", [.id(event.communityID)]) else {
                throw CommunityError.notFound("no community with id \(event.communityID)", field: "community")
            }
            try Self.rethrowing({
                try db.execute(
                    "INSERT INTO events (\(SQLiteRecords.eventColumns)) VALUES (\(SQLiteRecords.placeholders(SQLiteRecords.eventColumnCount)))",
                    values)
            }, unique: [
                ("events.id", .conflict("an event with id \(event.id) already exists", field: "id")),
            ])
        }
    }

    func update(_ event: CommunityEvent) async throws {
        let values = try SQLiteRecords.values(event)
        let changed = try runWrite { db in try db.execute(SQLiteQueries.updateEvent, values) }
        guard changed > 0 else { throw CommunityError.notFound("no event with id \(event.id) in this community", field: "event") }
    }

    func upsert(_ rsvp: EventRSVP) async throws {
        let values = SQLiteRecords.values(rsvp)
        try runWrite { db in
            guard try Self.exists(db, "SELECT 1 FROM events WHERE id = ? AND community_id = ?", [.id(rsvp.eventID), .id(rsvp.communityID)]) else {
                throw CommunityError.notFound("no event with id \(rsvp.eventID) in this community", field: "event")
            }
            try db.execute(SQLiteQueries.upsertRSVP, values)
        }
    }

    func upsert(_ seats: OccurrenceSeats) async throws {
        let values = SQLiteRecords.values(seats)
        try runWrite { db in try db.execute(SQLiteQueries.upsertSeats, values) }
    }
}
