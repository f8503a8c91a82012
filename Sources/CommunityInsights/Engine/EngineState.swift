import CommunityCore
import Foundation

/// The mutable state of ``InsightsEngine``: struct-of-arrays indexed by dense integer ids, so
/// memory stays O(members + threads + posts) and nothing is kept per view or reaction.
struct EngineState: Sendable {
    let from: Double
    let to: Double
    let evaluation: Double
    let configuration: InsightsConfiguration
    /// C1: the last day of the 30-day stickiness period (Reading 6).
    let stickinessLastDay: Int

    var lastTime = -Double.infinity
    var recordCount = 0

    // Identifier dictionaries: the table's, or grown record by record by ``consume(_:)``.
    var memberNames = InternedStrings()
    var objectNames = InternedStrings()
    var eventNames = InternedStrings()
    var spaceNames = InternedStrings()
    var tagNames = InternedStrings()

    /// The activity section of the pass (Reading 5, C1–C3, C9, §3 Love and Orbit masks): state
    /// disjoint from the rest, streamed on a thread of its own over a large table.
    var activity: ActivitySection
    /// Whether ``consumeRow(_:t:line:member:object:target:flags:tags:)`` also feeds ``activity``
    /// (record by record); a table pass streams the section separately.
    var activityInline = true
    /// The report parts the activity section's thread computed after a table pass; `nil` when
    /// none were or a record consumed since may have changed them.
    var activityParts: ActivityReportParts?

    // Members, indexed by ``memberNames`` (join order): the hot fields together, the rest by field.
    var members: [MemberState] = []
    var memberSpices = MemberSpices()
    /// Join time (NaN until the member line).
    var memberJoin: [Double] = []
    /// First view, first reaction or RSVP (valid once `MemberState.viewed` / `.reactedOrRSVPed`).
    var memberFirstView: [Double] = []
    var memberFirstReactOrRSVP: [Double] = []
    var memberJoinLine: [Int] = []
    var memberStartedThreadInWindow: [Bool] = []
    var memberFirstPost: [Double] = []
    var memberFirstPostStaff: [Bool] = []
    var memberPostsInWindow: [Int] = []
    var memberFirstPostIndex: [Int] = []
    var memberSecondPost: [Double] = []
    var memberRSVPInWindow: [Bool] = []
    var memberLastPost: [Double] = []
    /// Engagement weight per (member, tag) over the whole log (top interests, H_m). With few tags
    /// known up front (`tagStride` > 0, a table of at most 64 tags) each engaged member gets a
    /// block of `tagStride` weights in `tagEntryWeight`; otherwise a list per member in flat
    /// pools, one entry per distinct tag. `MemberState.tagHead` is the block or the list head (−1 = none).
    var tagStride = 0
    var tagEntryTag: [Int32] = []
    var tagEntryNext: [Int32] = []
    var tagEntryWeight: [Double] = []

    // Tags, indexed by ``tagNames``.
    var tagProduct: [Bool] = []
    var tagWeight: [Double] = []
    /// §4 letters of a tag / space: configured bits << 8 | default bits; `unknownLetters` until computed.
    var tagLetters: [UInt16] = []
    var spaceLetters: [UInt16] = []

    // Posts, indexed by ``objectNames`` (threads, replies and resources share the name space).
    /// The post's thread and author; thread `orphan` for a reply to an unknown thread, `notAPost`
    /// if no thread or reply created this id (a resource, or a post referenced before or without its line).
    var postLinks: [PostLink] = []
    var postTime: [Double] = []
    var postStaff: [Bool] = []
    var postDeleted: [Bool] = []
    var postFlags: [Int32] = []
    /// The next first-response candidate of the same thread (a linked list from `threadCandidateHead`).
    var postNextCandidate: [Int32] = []
    /// What a view of this id needs, in 4 bytes: the thread's index once the id is a thread's
    /// first post (the view's letters then depend on the thread's state), else its §4 letters as
    /// a resource once computed (``resourceView(_:)``), ``uncomputedView`` until then. A view of
    /// a thread reads this entry and then the thread: no post link (8 bytes per id) in between.
    var viewTargets: [Int32] = []

    // Threads, by creation: the fields read on most rows together, the rest by field.
    var threads: [ThreadState] = []
    var threadAuthor: [Int] = []
    var threadT0: [Double] = []
    /// Distinct tags of thread th: `threadTagList[threadTagStart[th]..<threadTagStart[th + 1]]`.
    var threadTagStart: [Int32] = [0]
    var threadTagList: [Int32] = []
    var threadAuthorStaff: [Bool] = []
    /// Replies that may be a first response: author ≠ thread author, not a bot, t > t0 (a list
    /// through `postNextCandidate`, −1 = end).
    var threadCandidateHead: [Int32] = []
    /// §4 letters per event, computed once per event (keyword matching is costly); 0 until computed.
    var eventLetterCache: [UInt8] = []
    var communitySpices = [Double](repeating: 0, count: 7)

    // A3 inputs inside the 128-day span before the evaluation day.
    let evaluationDay: Int
    /// Flags of posts and deletions by someone else ("hidden"): (post, day offset).
    var recentFlagsAndHides: [(post: Int, offset: Int)] = []

    // C9.
    var firstLogDay: Int?

    // C11: flags per (member, event) pair, members neither staff nor bots at the line.
    var eventPairs = PairTable<UInt8>(empty: 0)
    static let rsvpedPair: UInt8 = 1
    static let rsvpedInWindowPair: UInt8 = 2
    static let attendedPair: UInt8 = 4
    /// Attended inside the window without an RSVP before.
    static let walkInPair: UInt8 = 8

    // Window counters.
    var repliesInWindow = 0
    var reactionsInWindow = 0
    var viewsInWindow = 0
    var joinedInWindow: [Int] = []

    /// The member error of the record being consumed, thrown after its time checks.
    var unresolvedMember: CommunityError?

    static let notAPost: Int32 = -2
    static let orphan: Int32 = -1
    static let unknownLetters: UInt16 = .max
    /// ``viewTargets`` of an id that is no thread's first post and whose resource letters are
    /// not computed yet.
    static let uncomputedView: Int32 = -1

    /// The ``viewTargets`` entry of a resource with §4 `letters` (below ``uncomputedView``).
    static func resourceView(_ letters: UInt8) -> Int32 { -2 - Int32(letters) }

    /// The §4 letters of a resource's ``viewTargets`` entry (the inverse of ``resourceView(_:)``).
    static func resourceLetters(ofView entry: Int32) -> UInt8 { UInt8(truncatingIfNeeded: -2 - entry) }

    init(window: InsightsWindow, evaluationTime: Double, configuration: InsightsConfiguration) {
        from = window.from.timeIntervalSince1970
        to = window.to.timeIntervalSince1970
        evaluation = evaluationTime
        self.configuration = configuration
        stickinessLastDay = RFC3339.day(min(evaluationTime, to))
        evaluationDay = RFC3339.day(evaluationTime)
        activity = ActivitySection(
            from: from, to: to, evaluation: evaluationTime, evaluationDay: evaluationDay,
            stickinessLastDay: stickinessLastDay, championHold: Self.championHold(configuration))
    }

}
