public import Foundation

/// One fact of the activity log: who did what to which subject, where and when.
///
/// Every write appends its activities in the same transaction as the change they describe, so
/// the log is complete and in commit order. It is the input of the analytics, the real-time
/// feed (read from a cursor) and the outbox of webhooks and CRM sync.
public struct Activity: Hashable, Sendable, Codable, Identifiable {
    /// The activity's identifier.
    public var id: ActivityID
    /// Position in the store's log, assigned on append: strictly increasing in commit order.
    /// Read activities after a position with ``StoreReadTransaction/activities(in:after:limit:)``.
    public var sequence: Int64
    /// The community it happened in.
    public var communityID: CommunityID
    /// Who did it.
    public var actor: Principal
    /// What happened.
    public var verb: ActivityVerb
    /// What it happened to.
    public var subject: SubjectRef
    /// The space it happened in, if any.
    public var spaceID: SpaceID?
    /// When it happened.
    public var occurredAt: Date
    /// A few facts worth keeping (a new role, a reason); small: at most 16 entries.
    public var payload: [String: String]

    /// Creates an activity. The store sets ``sequence`` on append.
    public init(
        id: ActivityID, sequence: Int64 = 0, communityID: CommunityID, actor: Principal, verb: ActivityVerb,
        subject: SubjectRef, spaceID: SpaceID? = nil, occurredAt: Date, payload: [String: String] = [:]
    ) {
        self.id = id
        self.sequence = sequence
        self.communityID = communityID
        self.actor = actor
        self.verb = verb
        self.subject = subject
        self.spaceID = spaceID
        self.occurredAt = occurredAt
        self.payload = payload
    }
}

/// The record an activity is about: its kind and identifier.
public struct SubjectRef: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The record kind (`member`, `space`, `thread`, `post`, `event`, …).
    public var kind: String
    /// The record's identifier in its string form.
    public var id: String

    /// Creates a subject reference.
    public init(kind: String, id: String) {
        self.kind = kind
        self.id = id
    }

    /// A reference to a typed identifier.
    public init<S>(_ kind: String, _ id: Identifier<S>) {
        self.init(kind: kind, id: id.description)
    }

    /// `kind:id`.
    public var description: String { "\(kind):\(id)" }
}
