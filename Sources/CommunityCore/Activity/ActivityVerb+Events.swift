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
    /// Hosts started a live occurrence.
    public static let liveStarted = ActivityVerb(rawValue: "live.started")
    /// Hosts ended a live occurrence.
    public static let liveEnded = ActivityVerb(rawValue: "live.ended")
    /// A member joined a live occurrence (payload `first` is `true` on their first session).
    public static let attendanceJoined = ActivityVerb(rawValue: "attendance.joined")
    /// A member left a live occurrence.
    public static let attendanceLeft = ActivityVerb(rawValue: "attendance.left")
    /// An attendee asked a live question.
    public static let liveQuestionAsked = ActivityVerb(rawValue: "live_question.asked")
    /// A member upvoted a live question.
    public static let liveQuestionUpvoted = ActivityVerb(rawValue: "live_question.upvoted")
    /// A host marked a live question answered.
    public static let liveQuestionAnswered = ActivityVerb(rawValue: "live_question.answered")
    /// A host opened a poll.
    public static let pollCreated = ActivityVerb(rawValue: "poll.created")
    /// A member voted in a poll.
    public static let pollVoted = ActivityVerb(rawValue: "poll.voted")
    /// A host closed a poll.
    public static let pollClosed = ActivityVerb(rawValue: "poll.closed")
}
