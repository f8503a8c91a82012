public import CommunityCore
public import Foundation

/// What a host says about a new event. ``EventScheduler/createEvent(in:_:by:)`` validates it.
///
/// ```swift
/// var draft = EventDraft(title: "Swift on the server", start: "2026-03-03T18:00:00", timeZone: "Europe/Paris", duration: 3600)
/// draft.recurrenceRule = "FREQ=WEEKLY;BYDAY=TU;COUNT=10"
/// draft.capacity = 100
/// ```
public struct EventDraft: Hashable, Sendable {
    /// Title, 1–200 characters.
    public var title: String
    /// Description (Markdown), up to 10,000 characters.
    public var description: String
    /// The space whose visibility applies; `nil` for a community-wide event.
    public var spaceID: SpaceID?
    /// Hosts (members of the community); the creator when empty.
    public var hosts: [MemberID]
    /// Kind of session.
    public var format: CommunityEvent.Format
    /// Where.
    public var location: CommunityEvent.Location
    /// Local start of the first occurrence, `YYYY-MM-DDTHH:MM:SS`.
    public var start: String
    /// IANA zone of the start.
    public var timeZone: String
    /// Length of each occurrence: 1 minute to 7 days.
    public var duration: TimeInterval
    /// RRULE value, e.g. `FREQ=WEEKLY;BYDAY=TU`.
    public var recurrenceRule: String?
    /// Extra local starts (RDATE).
    public var recurrenceDates: [String]
    /// Excluded local starts (EXDATE).
    public var exceptionDates: [String]
    /// Seats per occurrence, 1…1,000,000; `nil` = unlimited.
    public var capacity: Int?
    /// RSVPs close this long before each occurrence.
    public var rsvpDeadline: TimeInterval?
    /// Reminder offsets before each occurrence.
    public var reminderOffsets: [TimeInterval]
    /// Who may RSVP: members (default), members and guests, or hosts only.
    public var rsvpPolicy: CommunityEvent.RSVPPolicy

    /// Creates a draft with the required parts; the rest defaults to a single online meetup
    /// without capacity, reminded 24 h and 1 h before.
    public init(title: String, start: String, timeZone: String, duration: TimeInterval, format: CommunityEvent.Format = .meetup,
                location: CommunityEvent.Location = .online(joinURL: nil)) {
        self.title = title
        self.description = ""
        self.spaceID = nil
        self.hosts = []
        self.format = format
        self.location = location
        self.start = start
        self.timeZone = timeZone
        self.duration = duration
        self.recurrenceRule = nil
        self.recurrenceDates = []
        self.exceptionDates = []
        self.capacity = nil
        self.rsvpDeadline = nil
        self.reminderOffsets = [86_400, 3_600]
        self.rsvpPolicy = .members
    }
}
