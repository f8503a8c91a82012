public import Foundation

/// A member's answer for one occurrence of an event, and where it leaves them.
public struct EventRSVP: Hashable, Sendable, Codable {
    /// The event.
    public var eventID: EventID
    /// The community.
    public var communityID: CommunityID
    /// The occurrence: its local start, `YYYY-MM-DDTHH:MM:SS`.
    public var occurrence: String
    /// The member.
    public var memberID: MemberID
    /// Going, maybe or not going.
    public var response: Response
    /// A confirmed seat, a place on the waitlist, or neither.
    public var seat: Seat
    /// FIFO position on the waitlist (smaller = earlier), while waitlisted.
    public var waitlistNumber: Int?
    /// When the member first answered.
    public var respondedAt: Date
    /// When the answer or the seat last changed.
    public var updatedAt: Date

    /// Creates an RSVP record.
    public init(eventID: EventID, communityID: CommunityID, occurrence: String, memberID: MemberID, response: Response, seat: Seat,
                waitlistNumber: Int? = nil, respondedAt: Date, updatedAt: Date) {
        self.eventID = eventID
        self.communityID = communityID
        self.occurrence = occurrence
        self.memberID = memberID
        self.response = response
        self.seat = seat
        self.waitlistNumber = waitlistNumber
        self.respondedAt = respondedAt
        self.updatedAt = updatedAt
    }

    /// A member's answer.
    public enum Response: String, CaseIterable, Hashable, Sendable, Codable {
        /// Wants a seat.
        case going
        /// Might come (holds no seat).
        case maybe
        /// Will not come.
        case notGoing
    }

    /// What an answer holds.
    public enum Seat: String, CaseIterable, Hashable, Sendable, Codable {
        /// A confirmed seat.
        case confirmed
        /// On the waitlist, promoted in order when a seat frees up.
        case waitlisted
        /// No seat (maybe, not going).
        case none
    }
}

/// Seat counters of one occurrence, kept by the scheduler so capacity checks never count RSVPs.
public struct OccurrenceSeats: Hashable, Sendable, Codable {
    /// The event.
    public var eventID: EventID
    /// The occurrence's local start.
    public var occurrence: String
    /// Confirmed seats.
    public var confirmed: Int
    /// Members on the waitlist.
    public var waitlisted: Int
    /// The waitlist number the next waitlisted member gets.
    public var nextWaitlistNumber: Int

    /// Creates counters (empty by default).
    public init(eventID: EventID, occurrence: String, confirmed: Int = 0, waitlisted: Int = 0, nextWaitlistNumber: Int = 1) {
        self.eventID = eventID
        self.occurrence = occurrence
        self.confirmed = confirmed
        self.waitlisted = waitlisted
        self.nextWaitlistNumber = nextWaitlistNumber
    }
}
