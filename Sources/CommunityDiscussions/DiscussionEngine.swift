public import CommunityCore
public import Foundation

/// The discussion engine: threads, replies, Q&A with accepted answers, reactions, mentions,
/// follows and the inbox, read tracking, listings, search and moderation.
///
/// Every rule lives here and holds on every backend, because each call is one serializable
/// write transaction. Every write appends its ``CommunityCore/Activity``. New inbox items are
/// handed to the ``CommunityCore/NotificationDelivery`` after the transaction commits.
///
/// ```swift
/// let discussions = DiscussionEngine(environment)
/// let started = try await discussions.startThread(
///     in: help, of: community, kind: .question, title: "How do I paginate?",
///     body: "I tried `limit`…", by: .member(bob))
/// let answer = try await discussions.reply(to: started.thread.id, in: community, body: "Use a cursor!", by: .member(ada))
/// try await discussions.accept(answer.id, in: community, by: .member(bob))
/// ```
public struct DiscussionEngine: Sendable {
    /// Limits of the engine.
    public struct Configuration: Sendable {
        /// The longest title, in characters.
        public var maxTitleLength: Int
        /// The longest post body, in characters.
        public var maxBodyLength: Int
        /// The most tags on a thread.
        public var maxTags: Int
        /// Posting rate limits (staff are exempt).
        public var rateLimits: RateLimits

        /// Creates a configuration; defaults: titles 200, bodies 50,000 characters, 10 tags.
        public init(maxTitleLength: Int = 200, maxBodyLength: Int = 50_000, maxTags: Int = 10, rateLimits: RateLimits = RateLimits()) {
            self.maxTitleLength = maxTitleLength
            self.maxBodyLength = maxBodyLength
            self.maxTags = maxTags
            self.rateLimits = rateLimits
        }
    }

    /// Posting rate limits, per member, over a sliding minute; stricter for new members.
    public struct RateLimits: Sendable {
        /// Posts a member may make per minute.
        public var postsPerMinute: Int
        /// Posts a new member may make per minute.
        public var newMemberPostsPerMinute: Int
        /// How long a member counts as new after joining.
        public var newMemberPeriod: TimeInterval

        /// Creates limits; defaults: 10 a minute, 3 for members who joined in the last 24 hours.
        public init(postsPerMinute: Int = 10, newMemberPostsPerMinute: Int = 3, newMemberPeriod: TimeInterval = 86_400) {
            self.postsPerMinute = postsPerMinute
            self.newMemberPostsPerMinute = newMemberPostsPerMinute
            self.newMemberPeriod = newMemberPeriod
        }
    }

    /// The store, clock, ids and policy.
    public let environment: CommunityEnvironment
    /// The engine's limits.
    public let configuration: Configuration
    /// Where new inbox items go after commit.
    public let delivery: any NotificationDelivery

    /// Creates the engine.
    /// - Parameters:
    ///   - environment: Store, clock, ids, policy. The store must implement
    ///     ``CommunityCore/DiscussionWriteTransaction`` (the in-memory and SQLite stores do).
    ///   - configuration: Limits.
    ///   - delivery: Out-of-app delivery of notifications; in-app inbox only by default.
    public init(_ environment: CommunityEnvironment, configuration: Configuration = Configuration(),
                delivery: any NotificationDelivery = InboxOnlyDelivery()) {
        self.environment = environment
        self.configuration = configuration
        self.delivery = delivery
    }

    // MARK: Transactions

    /// Runs a discussion write; delivers the inbox items it created once it has committed.
    func write<T>(_ body: (any DiscussionWriteTransaction, Outbox) async throws -> T) async throws -> T {
        let (result, items) = try await environment.store.write { tx in
            let outbox = Outbox()
            let result = try await body(try Self.discussions(tx), outbox)
            return (result, outbox.items)
        }
        if !items.isEmpty { await delivery.deliver(items) }
        return result
    }

    /// Runs a discussion read.
    func read<T>(_ body: (any DiscussionReadTransaction) async throws -> T) async throws -> T {
        try await environment.store.read { tx in
            guard let discussions = tx as? any DiscussionReadTransaction else { throw Self.unsupported }
            return try await body(discussions)
        }
    }

    static func discussions(_ tx: any StoreWriteTransaction) throws -> any DiscussionWriteTransaction {
        guard let discussions = tx as? any DiscussionWriteTransaction else { throw unsupported }
        return discussions
    }

    static let unsupported = CommunityError(
        .storage, "this store does not implement discussion storage (DiscussionWriteTransaction); use a backend that does")

    var now: Date { environment.clock.now }
    var policy: AccessPolicy { environment.policy }
    var ids: IDGenerator { environment.ids }
}
