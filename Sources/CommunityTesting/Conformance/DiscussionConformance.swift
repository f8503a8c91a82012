public import CommunityCore
import CommunityDiscussions
import Foundation

/// The discussion engine's behaviour, runnable against any store that implements the discussion
/// storage contract (``CommunityCore/DiscussionWriteTransaction``). Every backend in the repo
/// runs it; a backend that fails a case stores discussions wrongly.
///
/// ```swift
/// @Test(arguments: DiscussionConformance.Case.allCases)
/// func discussions(_ testCase: DiscussionConformance.Case) async throws {
///     try await DiscussionConformance { InMemoryCommunityStore() }.run(testCase)
/// }
/// ```
public struct DiscussionConformance: ConformanceSuite {
    /// The behaviours checked.
    public enum Case: String, CaseIterable, Sendable, CustomStringConvertible {
        /// Threads and replies: counters, numbering, both reading directions, mentions, tags, links.
        case threadsAndPosts
        /// Listings in every order, cursor pages stable under concurrent posting, pins.
        case listings
        /// Edits keep revisions; deletes leave tombstones; deleting the first post deletes the thread.
        case editsAndTombstones
        /// Accepted answers: asker or moderator only, replaceable, staff or peer.
        case acceptedAnswers
        /// Reactions: allowed set, idempotent, counts and "mine" in one read.
        case reactions
        /// Follows and the inbox: mentions, replies, followed threads and spaces, read state.
        case followsAndInbox
        /// Read markers, unread counts per thread and space, mark space read.
        case readTracking
        /// The store's unread query: read markers, space marks, the floor, deleted threads.
        case unreadQuery
        /// Full-text search: accents, prefix, ranking, visibility, deletions.
        case search
        /// Flags, auto-hide, the moderation queue and resolutions.
        case flagsAndModeration
        /// Pin, lock, close, move.
        case threadModeration
        /// Rate limits, stricter for new members, and slow mode.
        case rateLimits
        /// Permission checks: guests, banned members, locked threads, private spaces.
        case permissions
        /// Many concurrent posters: counters, unread counts and search agree with a recount.
        case concurrentPosting
        /// The activity stream delivers every activity in order, live.
        case realTime

        /// The case's name.
        public var description: String { rawValue }
    }

    private let makeStore: @Sendable () async throws -> any CommunityStore

    /// Creates the suite. - Parameter makeStore: Returns a new, empty store each time.
    public init(makeStore: @escaping @Sendable () async throws -> any CommunityStore) {
        self.makeStore = makeStore
    }

    /// Runs one case against a fresh store.
    /// - Throws: ``DiscussionConformanceFailure``, or the store's own error.
    public func run(_ testCase: Case) async throws {
        let world = try await DiscussionWorld.make(store: try await makeStore())
        let check = ConformanceCheck { message, _, line in
            DiscussionConformanceFailure(testCase: testCase, message: message, line: line)
        }
        switch testCase {
        case .threadsAndPosts: try await threadsAndPosts(world, check)
        case .listings: try await listings(world, check)
        case .editsAndTombstones: try await editsAndTombstones(world, check)
        case .acceptedAnswers: try await acceptedAnswers(world, check)
        case .reactions: try await reactions(world, check)
        case .followsAndInbox: try await followsAndInbox(world, check)
        case .readTracking: try await readTracking(world, check)
        case .unreadQuery: try await unreadQuery(world, check)
        case .search: try await search(world, check)
        case .flagsAndModeration: try await flagsAndModeration(world, check)
        case .threadModeration: try await threadModeration(world, check)
        case .rateLimits: try await rateLimits(world, check)
        case .permissions: try await permissions(world, check)
        case .concurrentPosting: try await concurrentPosting(world, check)
        case .realTime: try await realTime(world, check)
        }
    }
}

/// A failed expectation of ``DiscussionConformance``.
public struct DiscussionConformanceFailure: Error, CustomStringConvertible, Sendable {
    /// The case.
    public var testCase: DiscussionConformance.Case
    /// What was expected and what happened.
    public var message: String
    /// Where.
    public var line: Int

    /// `case: message (line)`.
    public var description: String { "\(testCase.rawValue): \(message) (DiscussionConformance line \(line))" }
}


/// A community for the discussion cases: owner, moderator, members, a guest; public, questions,
/// private and secret spaces; a discussion engine with generous rate limits.
struct DiscussionWorld: Sendable {
    let fixture: CommunityFixture
    let engine: DiscussionEngine
    var community: CommunityID { fixture.community.id }
    var owner: Principal { .member(fixture.owner.id) }
    var moderator: Member { fixture.members[0] }
    var ada: Member { fixture.members[1] }
    var bob: Member { fixture.members[2] }
    var cyd: Member { fixture.members[3] }
    var guest: Member { fixture.members[4] }
    var general: Space { fixture.spaces[0] }
    var help: Space { fixture.spaces[1] }
    var privateSpace: Space { fixture.spaces[2] }
    var secretSpace: Space { fixture.spaces[3] }

    static func make(store: any CommunityStore, rateLimits: DiscussionEngine.RateLimits = .init(postsPerMinute: 1_000_000, newMemberPostsPerMinute: 1_000_000)) async throws -> DiscussionWorld {
        let fixture = try await CommunityFixture.make(slug: "talk", members: 5, spaces: 4, visibilities: [.public, .public, .private, .secret], store: store)
        let members = fixture.memberService
        let owner = Principal.member(fixture.owner.id)
        try await members.changeRole(of: fixture.members[0].id, in: fixture.community.id, to: .moderator, by: owner)
        try await members.changeRole(of: fixture.members[4].id, in: fixture.community.id, to: .guest, by: owner)
        try await members.addMember(fixture.members[1].id, toSpace: fixture.spaces[2].id, in: fixture.community.id, by: owner)
        fixture.clock.advance(by: 2 * 86_400)  // nobody is a new member any more
        let engine = DiscussionEngine(fixture.environment, configuration: .init(rateLimits: rateLimits))
        return DiscussionWorld(fixture: fixture, engine: engine)
    }

    func tick(_ seconds: TimeInterval = 1) { fixture.clock.advance(by: seconds) }
}
