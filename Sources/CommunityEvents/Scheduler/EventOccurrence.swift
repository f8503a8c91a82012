public import CommunityCore
public import Foundation

/// One session of an event: its key (local start) and its instants.
public struct EventOccurrence: Hashable, Sendable {
    /// The event.
    public var eventID: EventID
    /// The occurrence's key: its local start, `YYYY-MM-DDTHH:MM:SS` (RECURRENCE-ID).
    public var key: String
    /// When it starts.
    public var start: Date
    /// When it ends.
    public var end: Date
    /// The UTC offset at the start, in seconds.
    public var utcOffset: Int?
    /// Whether this occurrence is called off.
    public var isCancelled: Bool = false
    /// Its own changes (moved, retitled, …), if any; ``start``/``end`` already reflect a move.
    public var override: OccurrenceOverride?

    /// Creates an occurrence value.
    public init(eventID: EventID, key: String, start: Date, end: Date, utcOffset: Int?) {
        self.eventID = eventID
        self.key = key
        self.start = start
        self.end = end
        self.utcOffset = utcOffset
    }

    init(event: CommunityEvent, occurrence: Occurrence) {
        eventID = event.id
        key = occurrence.local.isoString
        start = occurrence.date
        end = occurrence.date.addingTimeInterval(event.duration)
        utcOffset = occurrence.utcOffset
    }
}
