public import Foundation

/// Identifies a ``CommunityEvent``.
public typealias EventID = Identifier<CommunityEvent>

/// A live event — one session or a recurring series — the backbone of a community's rhythm.
///
/// Times are wall-clock: ``start`` is a local date-time (`2026-03-03T18:00:00`) in the IANA zone
/// ``timeZoneIdentifier``, and a recurring series repeats at that wall-clock time across DST
/// changes (RFC 5545). The recurrence is stored as RRULE/RDATE/EXDATE text; CommunityEvents
/// parses and expands it. An occurrence is named by its local start (RECURRENCE-ID semantics).
public struct CommunityEvent: Hashable, Sendable, Codable, Identifiable {
    /// The event's identifier.
    public var id: EventID
    /// The community.
    public var communityID: CommunityID
    /// The space whose visibility rules apply; `nil` for a community-wide event.
    public var spaceID: SpaceID?
    /// Title, 1–200 characters.
    public var title: String
    /// Description (Markdown), up to 10,000 characters.
    public var description: String
    /// Who runs it.
    public var hosts: [MemberID]
    /// What kind of session.
    public var format: Format
    /// Where it happens.
    public var location: Location
    /// Local start of the first occurrence, `YYYY-MM-DDTHH:MM:SS`.
    public var start: String
    /// IANA time zone of ``start``.
    public var timeZoneIdentifier: String
    /// Length of each occurrence.
    public var duration: TimeInterval
    /// RRULE value (without `RRULE:`), `nil` for a single session.
    public var recurrenceRule: String?
    /// Extra local starts (RDATE).
    public var recurrenceDates: [String]
    /// Excluded local starts (EXDATE), e.g. cancelled occurrences.
    public var exceptionDates: [String]
    /// Seats per occurrence; `nil` = unlimited.
    public var capacity: Int?
    /// RSVPs close this long before an occurrence starts; `nil` = until it starts.
    public var rsvpDeadline: TimeInterval?
    /// Reminder offsets before each occurrence (default 24 h and 1 h).
    public var reminderOffsets: [TimeInterval]
    /// Who may answer for themselves.
    public var rsvpPolicy: RSVPPolicy
    /// Scheduled, live, ended or cancelled.
    public var status: Status
    /// Who created it.
    public var createdBy: Principal
    /// When.
    public var createdAt: Date

    /// Creates an event record. Use `EventScheduler.createEvent` to create one with validation.
    public init(
        id: EventID, communityID: CommunityID, spaceID: SpaceID?, title: String, description: String = "", hosts: [MemberID],
        format: Format, location: Location, start: String, timeZoneIdentifier: String, duration: TimeInterval,
        recurrenceRule: String? = nil, recurrenceDates: [String] = [], exceptionDates: [String] = [], capacity: Int? = nil,
        rsvpDeadline: TimeInterval? = nil, reminderOffsets: [TimeInterval] = [86_400, 3_600], rsvpPolicy: RSVPPolicy = .members,
        status: Status = .scheduled, createdBy: Principal, createdAt: Date
    ) {
        self.id = id
        self.communityID = communityID
        self.spaceID = spaceID
        self.title = title
        self.description = description
        self.hosts = hosts
        self.format = format
        self.location = location
        self.start = start
        self.timeZoneIdentifier = timeZoneIdentifier
        self.duration = duration
        self.recurrenceRule = recurrenceRule
        self.recurrenceDates = recurrenceDates
        self.exceptionDates = exceptionDates
        self.capacity = capacity
        self.rsvpDeadline = rsvpDeadline
        self.reminderOffsets = reminderOffsets
        self.rsvpPolicy = rsvpPolicy
        self.status = status
        self.createdBy = createdBy
        self.createdAt = createdAt
    }

    /// The kinds of session.
    public enum Format: String, CaseIterable, Hashable, Sendable, Codable {
        /// One or a few speakers, many listeners.
        case webinar
        /// Hands-on session.
        case workshop
        /// Questions and answers with hosts.
        case qaSession
        /// Informal gathering.
        case meetup
        /// Several sessions over one or more days.
        case conference
    }

    /// Where an event happens.
    public enum Location: Hashable, Sendable, Codable {
        /// Online; the join URL comes from the host's `LiveRoomProvider` when not set here.
        case online(joinURL: URL?)
        /// At an address.
        case inPerson(address: String)
        /// Both.
        case hybrid(address: String, joinURL: URL?)
    }

    /// Who may RSVP.
    public enum RSVPPolicy: String, CaseIterable, Hashable, Sendable, Codable {
        /// Members who may write in the event's space (guests may not), for themselves.
        case members
        /// Guests too: the space opens this event to its read-only visitors.
        case membersAndGuests
        /// Host-only: only hosts (and moderators) register attendees; members cannot answer themselves.
        case hostsOnly
    }

    /// Where an event stands.
    public enum Status: String, CaseIterable, Hashable, Sendable, Codable {
        /// Upcoming.
        case scheduled
        /// Running now.
        case live
        /// Over.
        case ended
        /// Called off.
        case cancelled
    }
}
