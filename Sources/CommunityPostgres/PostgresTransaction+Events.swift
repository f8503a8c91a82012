#if Postgres
import CommunityCore
import Foundation
import PostgresNIO

/// The event storage contract: events, RSVPs, seat counters, reminder receipts and overrides.
/// The waitlist is read from `event_rsvps.waitlist_number`, set only for waitlisted RSVPs.
extension PostgresTransaction: ReminderWriteTransaction, OverrideWriteTransaction {
    // MARK: Reads

    func event(_ id: EventID, in community: CommunityID) async throws -> CommunityEvent? {
        try await record(CommunityEvent.self, "SELECT body FROM events WHERE id = \(id.uuid) AND community_id = \(community.uuid)", table: "events")
    }

    func events(in community: CommunityID, after: EventID?, limit: Int) async throws -> [CommunityEvent] {
        try await records(CommunityEvent.self, """
            SELECT body FROM events WHERE community_id = \(community.uuid) AND id > \(Self.cursor(after)) ORDER BY id LIMIT \(max(0, limit))
            """, table: "events")
    }

    func rsvp(to event: EventID, occurrence: String, of member: MemberID) async throws -> EventRSVP? {
        try await record(EventRSVP.self, """
            SELECT body FROM event_rsvps WHERE event_id = \(event.uuid) AND occurrence = \(occurrence) AND member_id = \(member.uuid)
            """, table: "event_rsvps")
    }

    func seats(of event: EventID, occurrence: String) async throws -> OccurrenceSeats? {
        try await record(OccurrenceSeats.self, "SELECT body FROM occurrence_seats WHERE event_id = \(event.uuid) AND occurrence = \(occurrence)",
                         table: "occurrence_seats")
    }

    func waitlist(of event: EventID, occurrence: String, limit: Int) async throws -> [EventRSVP] {
        try await records(EventRSVP.self, """
            SELECT body FROM event_rsvps WHERE event_id = \(event.uuid) AND occurrence = \(occurrence) AND waitlist_number IS NOT NULL
            ORDER BY waitlist_number, member_id LIMIT \(max(0, limit))
            """, table: "event_rsvps")
    }

    func rsvps(to event: EventID, occurrence: String, response: EventRSVP.Response, after: MemberID?, limit: Int) async throws -> [EventRSVP] {
        try await records(EventRSVP.self, """
            SELECT body FROM event_rsvps WHERE event_id = \(event.uuid) AND occurrence = \(occurrence) AND response = \(response.rawValue)
                AND member_id > \(Self.cursor(after))
            ORDER BY member_id LIMIT \(max(0, limit))
            """, table: "event_rsvps")
    }

    func reminderReceipt(event: EventID, occurrence: String, member: MemberID, offset: TimeInterval) async throws -> ReminderReceipt? {
        try await record(ReminderReceipt.self, """
            SELECT body FROM reminder_receipts WHERE event_id = \(event.uuid) AND occurrence = \(occurrence) AND member_id = \(member.uuid)
                AND offset_seconds = \(offset)
            """, table: "reminder_receipts")
    }

    func overrides(of event: EventID) async throws -> [OccurrenceOverride] {
        try await records(OccurrenceOverride.self, "SELECT body FROM occurrence_overrides WHERE event_id = \(event.uuid) ORDER BY occurrence",
                          table: "occurrence_overrides")
    }

    // MARK: Writes

    func insert(_ event: CommunityEvent) async throws {
        let body = try PostgresRecordCoding.encode(event)
        guard try await exists("SELECT 1 FROM communities WHERE id = \(event.communityID.uuid)") else {
            throw CommunityError.notFound("no community with id \(event.communityID)", field: "community")
        }
        guard try await !exists("SELECT 1 FROM events WHERE id = \(event.id.uuid)") else {
            throw CommunityError.conflict("an event with id \(event.id) already exists", field: "id")
        }
        try await write("INSERT INTO events (id, community_id, body) VALUES (\(event.id.uuid), \(event.communityID.uuid), \(body)) RETURNING 1")
    }

    func update(_ event: CommunityEvent) async throws {
        let body = try PostgresRecordCoding.encode(event)
        let changed = try await write("""
            UPDATE events SET body = \(body) WHERE id = \(event.id.uuid) AND community_id = \(event.communityID.uuid) RETURNING 1
            """)
        guard changed > 0 else { throw CommunityError.notFound("no event with id \(event.id) in this community", field: "event") }
    }

    func upsert(_ rsvp: EventRSVP) async throws {
        let body = try PostgresRecordCoding.encode(rsvp)
        let waitlistNumber = rsvp.seat == .waitlisted ? rsvp.waitlistNumber : nil
        // One statement: the event's existence is the insert's condition.
        let changed = try await write("""
            INSERT INTO event_rsvps (event_id, occurrence, member_id, response, waitlist_number, body)
            SELECT \(rsvp.eventID.uuid), \(rsvp.occurrence), \(rsvp.memberID.uuid), \(rsvp.response.rawValue), \(waitlistNumber), \(body)
            WHERE EXISTS (SELECT 1 FROM events WHERE id = \(rsvp.eventID.uuid) AND community_id = \(rsvp.communityID.uuid))
            ON CONFLICT (event_id, occurrence, member_id) DO UPDATE SET
                response = excluded.response, waitlist_number = excluded.waitlist_number, body = excluded.body
            RETURNING 1
            """)
        guard changed > 0 else { throw CommunityError.notFound("no event with id \(rsvp.eventID) in this community", field: "event") }
    }

    func upsert(_ seats: OccurrenceSeats) async throws {
        try await upsertOccurrenceRecord(seats, table: "occurrence_seats", event: seats.eventID, occurrence: seats.occurrence)
    }

    func insert(_ receipt: ReminderReceipt) async throws {
        let body = try PostgresRecordCoding.encode(receipt)
        try await insertNew("""
            INSERT INTO reminder_receipts (event_id, occurrence, member_id, offset_seconds, body)
            VALUES (\(receipt.eventID.uuid), \(receipt.occurrence), \(receipt.memberID.uuid), \(receipt.offset), \(body))
            ON CONFLICT DO NOTHING RETURNING 1
            """, orThrow: .conflict("this reminder was already sent", field: "receipt"))
    }

    func deleteReminderReceipt(event: EventID, occurrence: String, member: MemberID, offset: TimeInterval) async throws {
        try await write("""
            DELETE FROM reminder_receipts WHERE event_id = \(event.uuid) AND occurrence = \(occurrence) AND member_id = \(member.uuid)
                AND offset_seconds = \(offset) RETURNING 1
            """)
    }

    func upsert(_ override: OccurrenceOverride) async throws {
        let body = try PostgresRecordCoding.encode(override)
        guard try await exists("SELECT 1 FROM events WHERE id = \(override.eventID.uuid) AND community_id = \(override.communityID.uuid)") else {
            throw CommunityError.notFound("no event with id \(override.eventID) in this community", field: "event")
        }
        try await write("""
            INSERT INTO occurrence_overrides (event_id, occurrence, community_id, body)
            VALUES (\(override.eventID.uuid), \(override.occurrence), \(override.communityID.uuid), \(body))
            ON CONFLICT (event_id, occurrence) DO UPDATE SET community_id = excluded.community_id, body = excluded.body RETURNING 1
            """)
    }
}
#endif
