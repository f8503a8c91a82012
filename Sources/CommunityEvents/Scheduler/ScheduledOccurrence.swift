public import CommunityCore

/// An occurrence with its event, as listed by calendars and "upcoming" queries.
public struct ScheduledOccurrence: Hashable, Sendable {
    /// The event.
    public var event: CommunityEvent
    /// The occurrence.
    public var occurrence: EventOccurrence
    /// The viewer's answer for this occurrence, where the query fills it in.
    public var myResponse: EventRSVP?
}
