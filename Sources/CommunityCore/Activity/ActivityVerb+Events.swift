// Verbs of the event scheduler. They live in Core so that every module (insights, exports)
// can read them without depending on CommunityEvents.

extension ActivityVerb {
    /// An event was created.
    public static let eventCreated = ActivityVerb(rawValue: "event.created")
    /// An event's capacity or details changed.
    public static let eventUpdated = ActivityVerb(rawValue: "event.updated")
    /// A member answered (going, maybe, not going) for an occurrence.
    public static let rsvpChanged = ActivityVerb(rawValue: "rsvp.changed")
    /// A waitlisted member got a confirmed seat.
    public static let waitlistPromoted = ActivityVerb(rawValue: "rsvp.promoted")
}
