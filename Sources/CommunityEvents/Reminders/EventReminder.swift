public import CommunityCore
public import Foundation

/// A reminder to hand to the host: "`event` starts at `occurrence.start`".
public struct EventReminder: Hashable, Sendable {
    /// The event.
    public var event: CommunityEvent
    /// The occurrence that is coming up.
    public var occurrence: EventOccurrence
    /// Who to remind.
    public var memberID: MemberID
    /// How long before the start this reminder is, in seconds (one of the event's offsets).
    public var offset: TimeInterval
}

/// Sends reminders outside the SDK (email, push). The host implements it.
///
/// Throwing means "not sent": the runner forgets the attempt and tries again on its next pass
/// (while the occurrence has not started).
public protocol ReminderDelivery: Sendable {
    /// Sends one reminder.
    func deliver(_ reminder: EventReminder) async throws
}
