public import Foundation

/// A change to one occurrence of a series (RECURRENCE-ID semantics): cancelled, moved, or with its
/// own title, description, length or place. The occurrence keeps its key — its original local
/// start — so RSVPs, reminders and attendance stay attached to it.
public struct OccurrenceOverride: Hashable, Sendable, Codable {
    /// The event.
    public var eventID: EventID
    /// The community.
    public var communityID: CommunityID
    /// The occurrence's key: its original local start.
    public var occurrence: String
    /// Whether this occurrence is called off.
    public var isCancelled: Bool
    /// Its new local start (in the event's zone), if moved.
    public var start: String?
    /// Its own length, if changed.
    public var duration: TimeInterval?
    /// Its own title, if changed.
    public var title: String?
    /// Its own description, if changed.
    public var description: String?
    /// Its own place, if changed.
    public var location: CommunityEvent.Location?
    /// When the override was last changed.
    public var updatedAt: Date

    /// Creates an override.
    public init(eventID: EventID, communityID: CommunityID, occurrence: String, isCancelled: Bool = false, start: String? = nil,
                duration: TimeInterval? = nil, title: String? = nil, description: String? = nil, location: CommunityEvent.Location? = nil,
                updatedAt: Date) {
        self.eventID = eventID
        self.communityID = communityID
        self.occurrence = occurrence
        self.isCancelled = isCancelled
        self.start = start
        self.duration = duration
        self.title = title
        self.description = description
        self.location = location
        self.updatedAt = updatedAt
    }
}

/// The occurrence overrides a store offers, on top of event storage.
public protocol OverrideReadTransaction: EventReadTransaction {
    /// Every override of an event, by occurrence key.
    func overrides(of event: EventID) async throws -> [OccurrenceOverride]
}

/// The override writes a store offers.
public protocol OverrideWriteTransaction: EventWriteTransaction, OverrideReadTransaction {
    /// Stores or replaces the override of an occurrence.
    func upsert(_ override: OccurrenceOverride) async throws
}
