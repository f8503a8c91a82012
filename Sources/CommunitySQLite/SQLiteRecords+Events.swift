import CommunityCore
import Foundation

/// Column lists, parameter lists and row decoders of the event records (migration 3).
extension SQLiteRecords {
    // MARK: Event

    static let eventColumns = """
        id, community_id, space_id, title, description, hosts, format, location_kind, location_address, location_join_url, \
        start, time_zone, duration, recurrence_rule, recurrence_dates, exception_dates, capacity, rsvp_deadline, \
        reminder_offsets, status, created_by, created_at, rsvp_policy
        """
    static let eventColumnCount = 23

    /// The `(location_kind, location_address, location_join_url)` columns of a location.
    static func columns(_ location: CommunityEvent.Location) -> (kind: String, address: String?, url: URL?) {
        switch location {
        case .online(let url): ("online", nil, url)
        case .inPerson(let address): ("inPerson", address, nil)
        case .hybrid(let address, let url): ("hybrid", address, url)
        }
    }

    /// The location in columns `kind`, `kind + 1` (address) and `kind + 2` (join URL); `nil` when the kind is NULL.
    static func location(_ row: SQLiteRow, kind column: Int32, table: String) throws -> CommunityEvent.Location? {
        guard let kind = row.optionalText(column) else { return nil }
        func url() throws -> URL? {
            guard let text = row.optionalText(column + 2) else { return nil }
            guard let url = URL(string: text) else { throw corrupt("the \(table).location_join_url column holds an invalid URL") }
            return url
        }
        func address() throws -> String {
            guard let text = row.optionalText(column + 1) else { throw corrupt("an in-person place has no \(table).location_address") }
            return text
        }
        switch kind {
        case "online": return .online(joinURL: try url())
        case "inPerson": return .inPerson(address: try address())
        case "hybrid": return .hybrid(address: try address(), joinURL: try url())
        case let other: throw corrupt("the \(table).location_kind column holds an unknown value '\(other)'")
        }
    }

    static func values(_ event: CommunityEvent) throws -> [SQLiteValue] {
        let location = columns(event.location)
        return [
            .id(event.id), .id(event.communityID), .optionalID(event.spaceID), .text(event.title), .text(event.description),
            try json(event.hosts), .text(event.format.rawValue), .text(location.kind), .optionalText(location.address),
            .optionalText(location.url?.absoluteString), .text(event.start), .text(event.timeZoneIdentifier), .real(event.duration),
            .optionalText(event.recurrenceRule), try json(event.recurrenceDates), try json(event.exceptionDates),
            event.capacity.map { .integer(Int64($0)) } ?? .null, event.rsvpDeadline.map { .real($0) } ?? .null,
            try json(event.reminderOffsets), .text(event.status.rawValue), principal(event.createdBy), date(event.createdAt),
            .text(event.rsvpPolicy.rawValue),
        ]
    }

    static func event(_ row: SQLiteRow) throws -> CommunityEvent {
        guard let location = try location(row, kind: 7, table: "events") else { throw corrupt("an event has no events.location_kind") }
        return CommunityEvent(
            id: try row.id(0), communityID: try row.id(1), spaceID: try row.optionalID(2), title: row.text(3), description: row.text(4),
            hosts: try json([MemberID].self, row, 5, field: "events.hosts"),
            format: try enumeration(CommunityEvent.Format.self, row, 6, field: "events.format"), location: location,
            start: row.text(10), timeZoneIdentifier: row.text(11), duration: row.double(12), recurrenceRule: row.optionalText(13),
            recurrenceDates: try json([String].self, row, 14, field: "events.recurrence_dates"),
            exceptionDates: try json([String].self, row, 15, field: "events.exception_dates"),
            capacity: row.isNull(16) ? nil : Int(row.int64(16)), rsvpDeadline: row.isNull(17) ? nil : row.double(17),
            reminderOffsets: try json([TimeInterval].self, row, 18, field: "events.reminder_offsets"),
            rsvpPolicy: try enumeration(CommunityEvent.RSVPPolicy.self, row, 22, field: "events.rsvp_policy"),
            status: try enumeration(CommunityEvent.Status.self, row, 19, field: "events.status"),
            createdBy: try principal(row.text(20)), createdAt: date(row, 21))
    }

    // MARK: RSVP

    static let rsvpColumns = "event_id, occurrence, member_id, community_id, response, seat, waitlist_number, responded_at, updated_at"

    static func values(_ rsvp: EventRSVP) -> [SQLiteValue] {
        [.id(rsvp.eventID), .text(rsvp.occurrence), .id(rsvp.memberID), .id(rsvp.communityID), .text(rsvp.response.rawValue),
         .text(rsvp.seat.rawValue), rsvp.waitlistNumber.map { .integer(Int64($0)) } ?? .null, date(rsvp.respondedAt),
         date(rsvp.updatedAt)]
    }

    static func rsvp(_ row: SQLiteRow) throws -> EventRSVP {
        EventRSVP(
            eventID: try row.id(0), communityID: try row.id(3), occurrence: row.text(1), memberID: try row.id(2),
            response: try enumeration(EventRSVP.Response.self, row, 4, field: "event_rsvps.response"),
            seat: try enumeration(EventRSVP.Seat.self, row, 5, field: "event_rsvps.seat"),
            waitlistNumber: row.isNull(6) ? nil : Int(row.int64(6)), respondedAt: date(row, 7), updatedAt: date(row, 8))
    }

    // MARK: Seats

    static let seatsColumns = "event_id, occurrence, confirmed, waitlisted, next_waitlist_number"

    static func values(_ seats: OccurrenceSeats) -> [SQLiteValue] {
        [.id(seats.eventID), .text(seats.occurrence), .integer(Int64(seats.confirmed)), .integer(Int64(seats.waitlisted)),
         .integer(Int64(seats.nextWaitlistNumber))]
    }

    static func seats(_ row: SQLiteRow) throws -> OccurrenceSeats {
        OccurrenceSeats(
            eventID: try row.id(0), occurrence: row.text(1), confirmed: Int(row.int64(2)), waitlisted: Int(row.int64(3)),
            nextWaitlistNumber: Int(row.int64(4)))
    }

    // MARK: Reminder receipt

    static let reminderReceiptColumns = "event_id, occurrence, member_id, offset_seconds, sent_at"

    static func values(_ receipt: ReminderReceipt) -> [SQLiteValue] {
        [.id(receipt.eventID), .text(receipt.occurrence), .id(receipt.memberID), .real(receipt.offset), date(receipt.sentAt)]
    }

    static func reminderReceipt(_ row: SQLiteRow) throws -> ReminderReceipt {
        ReminderReceipt(eventID: try row.id(0), occurrence: row.text(1), memberID: try row.id(2), offset: row.double(3), sentAt: date(row, 4))
    }

    // MARK: Live sessions

    static let liveStateColumns = "event_id, occurrence, started_at, ended_at"

    static func values(_ state: OccurrenceLiveState) -> [SQLiteValue] {
        [.id(state.eventID), .text(state.occurrence), optionalDate(state.startedAt), optionalDate(state.endedAt)]
    }

    static func liveState(_ row: SQLiteRow) throws -> OccurrenceLiveState {
        OccurrenceLiveState(eventID: try row.id(0), occurrence: row.text(1), startedAt: optionalDate(row, 2), endedAt: optionalDate(row, 3))
    }

    static let attendanceColumns = "event_id, occurrence, member_id, number, joined_at, left_at"

    static func values(_ session: AttendanceSession) -> [SQLiteValue] {
        [.id(session.eventID), .text(session.occurrence), .id(session.memberID), .integer(Int64(session.number)), date(session.joinedAt),
         optionalDate(session.leftAt)]
    }

    static func attendance(_ row: SQLiteRow) throws -> AttendanceSession {
        AttendanceSession(
            eventID: try row.id(0), occurrence: row.text(1), memberID: try row.id(2), number: Int(row.int64(3)), joinedAt: date(row, 4),
            leftAt: optionalDate(row, 5))
    }

    static let liveQuestionColumns = "id, community_id, event_id, occurrence, asked_by, text, votes, answered_at, created_at"

    static func values(_ question: LiveQuestion) -> [SQLiteValue] {
        [.id(question.id), .id(question.communityID), .id(question.eventID), .text(question.occurrence), .id(question.askedBy),
         .text(question.text), .integer(Int64(question.votes)), optionalDate(question.answeredAt), date(question.createdAt)]
    }

    static func liveQuestion(_ row: SQLiteRow) throws -> LiveQuestion {
        LiveQuestion(
            id: try row.id(0), communityID: try row.id(1), eventID: try row.id(2), occurrence: row.text(3), askedBy: try row.id(4),
            text: row.text(5), votes: Int(row.int64(6)), answeredAt: optionalDate(row, 7), createdAt: date(row, 8))
    }

    static let pollColumns = "id, community_id, event_id, occurrence, question, options, multiple_choice, counts, voters, closed_at, created_at"

    static func values(_ poll: Poll) throws -> [SQLiteValue] {
        [.id(poll.id), .id(poll.communityID), .id(poll.eventID), .text(poll.occurrence), .text(poll.question), try json(poll.options),
         bool(poll.multipleChoice), try json(poll.counts), .integer(Int64(poll.voters)), optionalDate(poll.closedAt), date(poll.createdAt)]
    }

    static func poll(_ row: SQLiteRow) throws -> Poll {
        Poll(
            id: try row.id(0), communityID: try row.id(1), eventID: try row.id(2), occurrence: row.text(3), question: row.text(4),
            options: try json([String].self, row, 5, field: "polls.options"), multipleChoice: row.int64(6) != 0,
            counts: try json([Int].self, row, 7, field: "polls.counts"), voters: Int(row.int64(8)), closedAt: optionalDate(row, 9),
            createdAt: date(row, 10))
    }

    // MARK: Occurrence override

    static let overrideColumns = """
        event_id, occurrence, community_id, is_cancelled, start, duration, title, description, location_kind, location_address, \
        location_join_url, updated_at
        """

    static func values(_ override: OccurrenceOverride) -> [SQLiteValue] {
        let location = override.location.map(columns)
        return [
            .id(override.eventID), .text(override.occurrence), .id(override.communityID), bool(override.isCancelled),
            .optionalText(override.start), override.duration.map { .real($0) } ?? .null, .optionalText(override.title),
            .optionalText(override.description), .optionalText(location?.kind), .optionalText(location?.address),
            .optionalText(location?.url?.absoluteString), date(override.updatedAt),
        ]
    }

    static func override(_ row: SQLiteRow) throws -> OccurrenceOverride {
        OccurrenceOverride(
            eventID: try row.id(0), communityID: try row.id(2), occurrence: row.text(1), isCancelled: row.int64(3) != 0,
            start: row.optionalText(4), duration: row.isNull(5) ? nil : row.double(5), title: row.optionalText(6),
            description: row.optionalText(7), location: try location(row, kind: 8, table: "occurrence_overrides"), updatedAt: date(row, 11))
    }
}
