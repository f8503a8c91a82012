public import Foundation

/// The payload of one line of the activity exchange format (JSON Lines), one case per `type`.
///
/// Identifiers are opaque strings. Every case except ``tag(tag:product:)`` carries the acting
/// member and the time of the activity. See `Documentation/Insights.md` and INSIGHTS.md
/// "Activity exchange format" for the normative table.
///
/// ```swift
/// let event = ActivityEvent.reply(id: "p2", member: "bob", time: date, thread: "q1", parent: nil)
/// ```
public enum ActivityEvent: Sendable, Hashable {
    /// `member`: the member joined at `time`; `staff` and `bot` default to `false`.
    case member(member: String, time: Date, staff: Bool, bot: Bool)
    /// `role`: the member's staff status changes at `time`.
    case role(member: String, time: Date, staff: Bool)
    /// `tag`: classifies a tag as product (`true`) or beyond the product (`false`). No time.
    case tag(tag: String, product: Bool)
    /// `thread`: a thread and its first post (the thread id is also the first post's id).
    /// `tags == nil` means the field was absent: the thread is untagged.
    case thread(id: String, member: String, time: Date, space: String, kind: ThreadKind, tags: [String]?)
    /// `reply`: a reply in a thread, optionally to a parent post.
    case reply(id: String, member: String, time: Date, thread: String, parent: String?)
    /// `accept`: the post becomes the thread's accepted answer (replacing an earlier one).
    case accept(member: String, time: Date, thread: String, post: String)
    /// `react`: a reaction to a post (a thread id counts as its first post).
    case react(member: String, time: Date, post: String)
    /// `delete`: a post was deleted; it stops counting as a response.
    case delete(member: String, time: Date, post: String)
    /// `flag`: a post was flagged.
    case flag(member: String, time: Date, post: String)
    /// `rsvp`: an RSVP "going" to an event.
    case rsvp(member: String, time: Date, event: String)
    /// `attend`: the member attended the event (a walk-in if there was no RSVP).
    case attend(member: String, time: Date, event: String)
    /// `view`: the member viewed a resource or a thread.
    case view(member: String, time: Date, resource: String)

    /// The `type` string of the line, e.g. `"reply"`.
    public var typeName: String { ActivityKind(self).name }

    /// The time of the activity; `nil` only for ``tag(tag:product:)`` lines, which carry none.
    public var time: Date? {
        switch self {
        case .tag: nil
        case let .member(_, time, _, _), let .role(_, time, _): time
        case let .thread(_, _, time, _, _, _), let .reply(_, _, time, _, _): time
        case let .accept(_, time, _, _): time
        case let .react(_, time, _), let .delete(_, time, _), let .flag(_, time, _): time
        case let .rsvp(_, time, _), let .attend(_, time, _), let .view(_, time, _): time
        }
    }

    /// The acting member; `nil` only for ``tag(tag:product:)`` lines.
    public var member: String? {
        switch self {
        case .tag: nil
        case let .member(member, _, _, _), let .role(member, _, _): member
        case let .thread(_, member, _, _, _, _), let .reply(_, member, _, _, _): member
        case let .accept(member, _, _, _): member
        case let .react(member, _, _), let .delete(member, _, _), let .flag(member, _, _): member
        case let .rsvp(member, _, _), let .attend(member, _, _), let .view(member, _, _): member
        }
    }
}
