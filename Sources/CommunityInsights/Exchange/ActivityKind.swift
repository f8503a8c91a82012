/// The `type` of a line of the activity exchange format, as one byte: the verb column of an
/// ``ActivityTable``.
///
/// ```swift
/// let kind = ActivityKind(ActivityEvent.view(member: "a", time: date, resource: "r"))
/// print(kind.name)  // "view"
/// ```
public enum ActivityKind: UInt8, Sendable, Hashable, CaseIterable {
    /// `member`: a member joined.
    case member
    /// `role`: a member's staff status changed.
    case role
    /// `tag`: a tag was classified as product or beyond (no time).
    case tag
    /// `thread`: a thread and its first post.
    case thread
    /// `reply`: a reply in a thread.
    case reply
    /// `accept`: an accepted answer.
    case accept
    /// `react`: a reaction to a post.
    case react
    /// `delete`: a post was deleted.
    case delete
    /// `flag`: a post was flagged.
    case flag
    /// `rsvp`: an RSVP "going".
    case rsvp
    /// `attend`: an attendance.
    case attend
    /// `view`: a view of a resource or thread.
    case view

    /// The kind of an event.
    /// - Parameter event: A payload of the exchange format.
    public init(_ event: ActivityEvent) {
        switch event {
        case .member: self = .member
        case .role: self = .role
        case .tag: self = .tag
        case .thread: self = .thread
        case .reply: self = .reply
        case .accept: self = .accept
        case .react: self = .react
        case .delete: self = .delete
        case .flag: self = .flag
        case .rsvp: self = .rsvp
        case .attend: self = .attend
        case .view: self = .view
        }
    }

    /// The `type` string of the exchange format, e.g. `"reply"`.
    public var name: String {
        switch self {
        case .member: "member"
        case .role: "role"
        case .tag: "tag"
        case .thread: "thread"
        case .reply: "reply"
        case .accept: "accept"
        case .react: "react"
        case .delete: "delete"
        case .flag: "flag"
        case .rsvp: "rsvp"
        case .attend: "attend"
        case .view: "view"
        }
    }
}
