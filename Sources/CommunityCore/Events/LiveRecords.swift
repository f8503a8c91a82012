public import Foundation

/// Identifies a ``LiveQuestion``.
public typealias LiveQuestionID = Identifier<LiveQuestion>
/// Identifies a ``Poll``.
public typealias PollID = Identifier<Poll>

/// Whether an occurrence is running: started and ended by its hosts.
public struct OccurrenceLiveState: Hashable, Sendable, Codable {
    /// The event.
    public var eventID: EventID
    /// The occurrence's local start.
    public var occurrence: String
    /// When the hosts went live.
    public var startedAt: Date?
    /// When they ended it.
    public var endedAt: Date?

    /// Creates a live state.
    public init(eventID: EventID, occurrence: String, startedAt: Date? = nil, endedAt: Date? = nil) {
        self.eventID = eventID
        self.occurrence = occurrence
        self.startedAt = startedAt
        self.endedAt = endedAt
    }

    /// Started and not ended.
    public var isLive: Bool { startedAt != nil && endedAt == nil }
}

/// One stretch of a member's presence in a live occurrence (a member may join and leave several times).
public struct AttendanceSession: Hashable, Sendable, Codable {
    /// The event.
    public var eventID: EventID
    /// The occurrence.
    public var occurrence: String
    /// The member.
    public var memberID: MemberID
    /// 1 for the member's first session in this occurrence, then 2, …
    public var number: Int
    /// When they joined.
    public var joinedAt: Date
    /// When they left; `nil` while present.
    public var leftAt: Date?

    /// Creates a session.
    public init(eventID: EventID, occurrence: String, memberID: MemberID, number: Int, joinedAt: Date, leftAt: Date? = nil) {
        self.eventID = eventID
        self.occurrence = occurrence
        self.memberID = memberID
        self.number = number
        self.joinedAt = joinedAt
        self.leftAt = leftAt
    }
}

/// A question asked by an attendee during a live occurrence.
public struct LiveQuestion: Hashable, Sendable, Codable, Identifiable {
    /// The question's identifier.
    public var id: LiveQuestionID
    /// The community.
    public var communityID: CommunityID
    /// The event.
    public var eventID: EventID
    /// The occurrence.
    public var occurrence: String
    /// Who asked.
    public var askedBy: MemberID
    /// The question, 1–500 characters.
    public var text: String
    /// Upvotes (one per member).
    public var votes: Int
    /// When a host marked it answered.
    public var answeredAt: Date?
    /// When it was asked.
    public var createdAt: Date

    /// Creates a question record.
    public init(id: LiveQuestionID, communityID: CommunityID, eventID: EventID, occurrence: String, askedBy: MemberID, text: String,
                votes: Int = 0, answeredAt: Date? = nil, createdAt: Date) {
        self.id = id
        self.communityID = communityID
        self.eventID = eventID
        self.occurrence = occurrence
        self.askedBy = askedBy
        self.text = text
        self.votes = votes
        self.answeredAt = answeredAt
        self.createdAt = createdAt
    }
}

/// A poll run by the hosts of a live occurrence.
public struct Poll: Hashable, Sendable, Codable, Identifiable {
    /// The poll's identifier.
    public var id: PollID
    /// The community.
    public var communityID: CommunityID
    /// The event.
    public var eventID: EventID
    /// The occurrence.
    public var occurrence: String
    /// The question, 1–300 characters.
    public var question: String
    /// The options, 2–10, each 1–100 characters.
    public var options: [String]
    /// Whether a member may choose several options.
    public var multipleChoice: Bool
    /// Votes per option, same order as ``options``.
    public var counts: [Int]
    /// Members who voted.
    public var voters: Int
    /// When it was closed; closed polls take no votes.
    public var closedAt: Date?
    /// When it was created.
    public var createdAt: Date

    /// Creates a poll record.
    public init(id: PollID, communityID: CommunityID, eventID: EventID, occurrence: String, question: String, options: [String],
                multipleChoice: Bool, counts: [Int]? = nil, voters: Int = 0, closedAt: Date? = nil, createdAt: Date) {
        self.id = id
        self.communityID = communityID
        self.eventID = eventID
        self.occurrence = occurrence
        self.question = question
        self.options = options
        self.multipleChoice = multipleChoice
        self.counts = counts ?? Array(repeating: 0, count: options.count)
        self.voters = voters
        self.closedAt = closedAt
        self.createdAt = createdAt
    }
}

/// The live records a store offers, on top of event storage.
public protocol LiveReadTransaction: EventReadTransaction {
    /// The live state of an occurrence.
    func liveState(of event: EventID, occurrence: String) async throws -> OccurrenceLiveState?
    /// Every attendance session of an occurrence, by member then number.
    func attendanceSessions(of event: EventID, occurrence: String) async throws -> [AttendanceSession]
    /// A member's sessions in an occurrence, by number.
    func attendanceSessions(of event: EventID, occurrence: String, member: MemberID) async throws -> [AttendanceSession]
    /// A question, if it belongs to `community`.
    func liveQuestion(_ id: LiveQuestionID, in community: CommunityID) async throws -> LiveQuestion?
    /// The questions of an occurrence, in creation order.
    func liveQuestions(of event: EventID, occurrence: String) async throws -> [LiveQuestion]
    /// Whether the member upvoted the question.
    func hasUpvoted(_ question: LiveQuestionID, member: MemberID) async throws -> Bool
    /// A poll, if it belongs to `community`.
    func poll(_ id: PollID, in community: CommunityID) async throws -> Poll?
    /// The polls of an occurrence, in creation order.
    func polls(of event: EventID, occurrence: String) async throws -> [Poll]
    /// The member's choices in a poll, if they voted.
    func pollChoices(_ poll: PollID, member: MemberID) async throws -> [Int]?
}

/// The live writes a store offers.
public protocol LiveWriteTransaction: EventWriteTransaction, LiveReadTransaction {
    /// Stores or replaces an occurrence's live state.
    func upsert(_ state: OccurrenceLiveState) async throws
    /// Stores or replaces an attendance session (keyed by event, occurrence, member and number).
    func upsert(_ session: AttendanceSession) async throws
    /// Stores or replaces a question.
    func upsert(_ question: LiveQuestion) async throws
    /// Records an upvote. Throws `conflict` if the member already upvoted.
    func insertUpvote(_ question: LiveQuestionID, member: MemberID) async throws
    /// Stores or replaces a poll.
    func upsert(_ poll: Poll) async throws
    /// Records a member's choices. Throws `conflict` if the member already voted.
    func insertPollChoices(_ poll: PollID, member: MemberID, choices: [Int]) async throws
}
