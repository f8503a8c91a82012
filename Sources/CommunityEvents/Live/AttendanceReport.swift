public import CommunityCore

/// Who came to a live occurrence and for how long.
public struct AttendanceReport: Hashable, Sendable {
    /// Attended minutes per member (sessions added up; a session still open counts until now or the end).
    public var minutes: [MemberID: Double]
    /// Members with a confirmed seat.
    public var confirmed: Int
    /// Confirmed members who attended.
    public var confirmedAttendees: Int
    /// Attendees without a confirmed seat (walk-ins).
    public var walkIns: Int
    /// Confirmed members who never joined ÷ confirmed members; `nil` without confirmed members.
    public var noShowRate: Double?
}
