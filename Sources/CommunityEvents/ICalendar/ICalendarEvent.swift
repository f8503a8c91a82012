public import CommunityCore

/// One VEVENT read by ``ICalendar/events(from:)``: the draft to create it from, and the
/// iCalendar facts a draft does not hold.
///
/// ```swift
/// for imported in try ICalendar().events(from: text) {
///     let event = try await scheduler.createEvent(in: community, imported.draft, by: .member(host))
///     print(imported.uid ?? "-", "→", event.id)
/// }
/// ```
public struct ICalendarEvent: Hashable, Sendable {
    /// The event's `UID`, if it had one (`<event id>@communitykit` for CommunityKit's own exports).
    public var uid: String?
    /// The event as a draft: title, description, start in its zone, duration, location, format,
    /// recurrence (RRULE canonical, RDATE and EXDATE as local times in the start's zone).
    public var draft: EventDraft
    /// `cancelled` for `STATUS:CANCELLED`, else `scheduled`.
    public var status: CommunityEvent.Status
    /// `SEQUENCE` (0 when absent): the revision a calendar compares to keep the newest copy.
    public var sequence: Int
    /// `RECURRENCE-ID` as a local time in the start's zone, when this VEVENT overrides one
    /// occurrence of a series rather than defining the series.
    public var recurrenceID: String?
    /// Whether DTSTART was a DATE (an all-day event): the draft then starts at midnight.
    public var isAllDay: Bool
    /// The number of the line holding `BEGIN:VEVENT`.
    public var line: Int

    /// Creates an imported event.
    ///
    /// - Parameters:
    ///   - uid: The `UID`, if any.
    ///   - draft: The event as a draft.
    ///   - status: Scheduled or cancelled.
    ///   - sequence: The `SEQUENCE`.
    ///   - recurrenceID: The overridden occurrence, if any.
    ///   - isAllDay: Whether DTSTART was a DATE.
    ///   - line: The line of `BEGIN:VEVENT`.
    public init(uid: String?, draft: EventDraft, status: CommunityEvent.Status = .scheduled, sequence: Int = 0,
                recurrenceID: String? = nil, isAllDay: Bool = false, line: Int = 0) {
        self.uid = uid
        self.draft = draft
        self.status = status
        self.sequence = sequence
        self.recurrenceID = recurrenceID
        self.isAllDay = isAllDay
        self.line = line
    }
}
