/// What every engine needs: a store, a clock, an id generator and the access policy.
///
/// Build one per store and hand it to the services and engines of every module:
///
/// ```swift
/// let environment = CommunityEnvironment(store: InMemoryCommunityStore())
/// let members = MemberService(environment)
/// ```
public struct CommunityEnvironment: Sendable {
    /// Where records live.
    public var store: any CommunityStore
    /// The source of time (inject a `ManualClock` in tests).
    public var clock: any CommunityClock
    /// The source of new identifiers (inject `.incrementing` in tests).
    public var ids: IDGenerator
    /// Who may do what.
    public var policy: AccessPolicy

    /// Creates an environment.
    /// - Parameters:
    ///   - store: The backend.
    ///   - clock: The clock; the system clock by default.
    ///   - ids: The id generator; UUIDv7 by default.
    ///   - policy: The access policy.
    public init(store: any CommunityStore, clock: any CommunityClock = SystemClock(), ids: IDGenerator = .uuidV7, policy: AccessPolicy = AccessPolicy()) {
        self.store = store
        self.clock = clock
        self.ids = ids
        self.policy = policy
    }
}
