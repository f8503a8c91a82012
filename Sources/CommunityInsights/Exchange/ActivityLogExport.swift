public import CommunityCore
import Foundation

/// Turns a community's SDK activity log into the exchange format, so the insights report can be
/// computed over a live community exactly as over an imported file.
///
/// The mapping (documented in `Documentation/Insights.md`):
/// - `member.joined` → `member` (staff = the joining role is owner, admin or moderator; bot from
///   the profile); community `member.role_changed` crossing the staff line → `role`.
/// - `thread.created` → `thread` with the thread's id, which the exchange format also uses for the
///   first post: later references to the first post are rewritten to the thread id. Announcements
///   count as discussions. Tags are the thread's tags plus its space's tags; a `tag` line marks
///   `product` as a product tag, so a thread in a space tagged `product` is about the product and
///   every other tagged thread is beyond it (INSIGHTS.md Reading 10).
/// - `post.created` → `reply` (parent = `inReplyTo`); `answer.accepted` → `accept`;
///   `reaction.added` → `react`; `post.deleted` → `delete`; `post.flagged` → `flag`;
///   reading a thread (`thread.read`) → `view` of the thread; `rsvp.changed` to going → `rsvp`
///   and a member's first `attendance.joined` of an occurrence → `attend` (event = `eventID/occurrence`).
/// - Activities of the system principal, and verbs with no exchange type, are left out.
///
/// ```swift
/// let records = try await ActivityLogExport.records(of: community, from: store)
/// let report = try InsightsReport.compute(from: ActivityLog(records: records))
/// ```
public enum ActivityLogExport {
    /// The exchange records of a community's whole log, in log order.
    /// - Throws: What the store throws.
    public static func records(of community: CommunityID, from store: any CommunityStore) async throws -> [ActivityRecord] {
        var spaceTags: [String: [String]] = [:]
        var cursor: SpaceID?
        while true {
            let spaces = try await store.read { tx in try await tx.spaces(in: community, after: cursor, limit: 200) }
            for space in spaces { spaceTags[space.id.description] = space.tags }
            guard spaces.count == 200, let last = spaces.last else { break }
            cursor = last.id
        }
        var events: [ActivityEvent] = [.tag(tag: "product", product: true)]
        var firstPosts: [String: String] = [:]  // first post id → thread id
        var sequence: Int64 = 0
        while true {
            let page = try await store.read { [sequence] tx in try await tx.activities(in: community, after: sequence, limit: 1000) }
            for activity in page {
                if let event = exchangeEvent(for: activity, spaceTags: spaceTags, firstPosts: &firstPosts) { events.append(event) }
            }
            guard let last = page.last, page.count == 1000 else { break }
            sequence = last.sequence
        }
        return events.enumerated().map { ActivityRecord(line: $0.offset + 1, event: $0.element) }
    }

    /// The exchange event for one activity, or `nil` when it has none.
    static func exchangeEvent(for activity: Activity, spaceTags: [String: [String]], firstPosts: inout [String: String]) -> ActivityEvent? {
        guard let member = activity.actor.memberID?.description else { return nil }
        let time = activity.occurredAt
        let payload = activity.payload
        func post(_ id: String) -> String { firstPosts[id] ?? id }
        switch activity.verb {
        case .memberJoined:
            let staff = payload["role"].flatMap(Role.init(rawValue:))?.isStaff ?? false
            return .member(member: activity.subject.id, time: time, staff: staff, bot: payload["bot"] == "true")
        case .memberRoleChanged:
            guard activity.spaceID == nil, let from = payload["from"].flatMap(Role.init(rawValue:)),
                  let to = payload["to"].flatMap(Role.init(rawValue:)), from.isStaff != to.isStaff else { return nil }
            return .role(member: activity.subject.id, time: time, staff: to.isStaff)
        case .threadCreated:
            guard let space = activity.spaceID?.description else { return nil }
            if let first = payload["post"] { firstPosts[first] = activity.subject.id }
            let own = (payload["tags"] ?? "").split(separator: ",").map(String.init)
            var tags = own
            for tag in spaceTags[space] ?? [] where !tags.contains(tag) { tags.append(tag) }
            let kind: ThreadKind = payload["kind"] == "question" ? .question : .discussion
            return .thread(id: activity.subject.id, member: member, time: time, space: space, kind: kind, tags: tags.isEmpty ? nil : tags)
        case .postCreated:
            guard let thread = payload["thread"] else { return nil }
            return .reply(id: activity.subject.id, member: member, time: time, thread: thread, parent: payload["inReplyTo"].map(post))
        case .answerAccepted:
            guard let thread = payload["thread"] else { return nil }
            return .accept(member: member, time: time, thread: thread, post: post(activity.subject.id))
        case .reactionAdded:
            return .react(member: member, time: time, post: post(activity.subject.id))
        case .postDeleted:
            return .delete(member: member, time: time, post: post(activity.subject.id))
        case .postFlagged:
            return .flag(member: member, time: time, post: post(activity.subject.id))
        case .threadRead:
            guard activity.subject.kind == "thread" else { return nil }
            return .view(member: member, time: time, resource: activity.subject.id)
        case .rsvpChanged:
            guard payload["response"] == "going", let occurrence = payload["occurrence"] else { return nil }
            return .rsvp(member: member, time: time, event: "\(activity.subject.id)/\(occurrence)")
        case .attendanceJoined:
            guard payload["first"] == "true", let event = payload["event"], let occurrence = payload["occurrence"] else { return nil }
            return .attend(member: member, time: time, event: "\(event)/\(occurrence)")
        default:
            return nil
        }
    }
}
