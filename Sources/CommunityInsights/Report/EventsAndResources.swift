/// C11 Events and resources.
///
/// INSIGHTS.md C11. Undefined ratios are `nil` (JSON `null`), never 0; every field is always
/// encoded. Field-by-field definitions: `Documentation/Insights.md`.
public struct EventsAndResources: Sendable, Hashable, Encodable {
    /// `rsvps`: Distinct (member, event) RSVPs with an `rsvp` line in the window (staff at the line and bots excluded).
    public let rsvps: Int
    /// `rsvp_attendees`: Of those, RSVPs whose member attended the event (an `attend` line at any time up to the evaluation time).
    public let rsvpAttendees: Int
    /// `attendance_rate`: `rsvp_attendees` ÷ `rsvps`.
    public let attendanceRate: Double?
    /// `walk_ins`: Distinct (member, event) attendances in the window with no RSVP before them.
    public let walkIns: Int
    /// `rsvp_members`: Distinct members with an RSVP in the window.
    public let rsvpMembers: Int
    /// `rsvp_reach`: `rsvp_members` ÷ visit-active members of the window (the window's MAU; C8 `active_members`).
    public let rsvpReach: Double?
    /// `unique_viewers`: Distinct members with a `view` line in the window (staff and bots excluded).
    public let uniqueViewers: Int
    /// `views`: Their `view` lines in the window.
    public let views: Int
    /// `views_per_viewer`: `views` ÷ `unique_viewers`.
    public let viewsPerViewer: Double?
    /// `solution_views`: Of those views, views of threads (a `resource` equal to a thread id) that have an accepted answer at the evaluation time — a support-deflection proxy (Leader Networks).
    public let solutionViews: Int
    /// `health`: `attendance_rate` ≥ 0.33 is healthy (roughly ⅓–½ of registrants attend live; weak evidence, §5).
    public let health: HealthAssessment

    enum CodingKeys: String, CodingKey {
        case rsvps = "rsvps"
        case rsvpAttendees = "rsvp_attendees"
        case attendanceRate = "attendance_rate"
        case walkIns = "walk_ins"
        case rsvpMembers = "rsvp_members"
        case rsvpReach = "rsvp_reach"
        case uniqueViewers = "unique_viewers"
        case views = "views"
        case viewsPerViewer = "views_per_viewer"
        case solutionViews = "solution_views"
        case health = "health"
    }

    /// Encodes every field under its stable snake_case key, `null` included; times as RFC 3339 UTC.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rsvps, forKey: .rsvps)
        try c.encode(rsvpAttendees, forKey: .rsvpAttendees)
        try c.encode(attendanceRate, forKey: .attendanceRate)
        try c.encode(walkIns, forKey: .walkIns)
        try c.encode(rsvpMembers, forKey: .rsvpMembers)
        try c.encode(rsvpReach, forKey: .rsvpReach)
        try c.encode(uniqueViewers, forKey: .uniqueViewers)
        try c.encode(views, forKey: .views)
        try c.encode(viewsPerViewer, forKey: .viewsPerViewer)
        try c.encode(solutionViews, forKey: .solutionViews)
        try c.encode(health, forKey: .health)
    }
}
