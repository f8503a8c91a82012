/// Every CommunityKit service wired to one store, clock and id generator.
///
/// ```swift
/// import CommunityKit
///
/// let kit = CommunityKit(store: InMemoryCommunityStore())
/// let created = try await kit.communities.createCommunity(
///     name: "Swift Paris", slug: "swift-paris",
///     owner: MemberProfile(handle: "ada", displayName: "Ada"))
/// let bob = try await kit.members.join(created.community.id, profile: MemberProfile(handle: "bob", displayName: "Bob"))
/// ```
public struct CommunityKit: Sendable {
    /// The shared store, clock, ids and access policy.
    public let environment: CommunityEnvironment

    /// Wires the services to one environment.
    public init(_ environment: CommunityEnvironment) {
        self.environment = environment
    }

    /// Wires the services to a store, with the system clock and UUIDv7 ids unless told otherwise.
    public init(store: any CommunityStore, clock: any CommunityClock = SystemClock(), ids: IDGenerator = .uuidV7) {
        self.init(CommunityEnvironment(store: store, clock: clock, ids: ids))
    }

    /// Communities and spaces.
    public var communities: CommunityService { CommunityService(environment) }
    /// Members, invitations, join requests, roles and the directory.
    public var members: MemberService { MemberService(environment) }
    /// Threads, replies, Q&A, reactions, the inbox, read tracking, search and moderation, with
    /// default limits and in-app notifications only; build a `DiscussionEngine` yourself to
    /// configure them or plug a `NotificationDelivery`.
    public var discussions: DiscussionEngine { DiscussionEngine(environment) }
}
