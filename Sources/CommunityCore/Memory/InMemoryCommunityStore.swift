/// The in-memory backend: every record in indexed dictionaries, safe under concurrent use.
///
/// Reads run concurrently; a write runs alone, holding a fair read-write lock for its whole
/// `async` body, so writes are serializable and no read sees one half done. A thrown body is
/// rolled back from an undo log (no collection is copied per write). Nothing persists: use it
/// for tests, demos and caches, and a durable backend in production.
///
/// ```swift
/// let store = InMemoryCommunityStore()
/// let service = CommunityService(store: store)
/// ```
// Unchecked sendability, guarded by `lock`: the mutable `state` is reached only while holding
// `lock` (shared by reads, exclusive for writes); `lock` and `signal` are Sendable themselves.
public final class InMemoryCommunityStore: CommunityStore, @unchecked Sendable {
    private let lock = AsyncReadWriteLock()
    private let state = MemoryState()
    private let signal = ActivitySignal()

    /// Creates an empty store.
    public init() {}

    /// Runs `body` with shared access; concurrent with other reads, never with a write.
    public func read<T>(_ body: (any StoreReadTransaction) async throws -> T) async throws -> T {
        await lock.lockRead()
        defer { lock.unlockRead() }
        return try await body(MemoryTransaction(state: state))
    }

    /// Runs `body` alone; rolls back everything it wrote if it throws.
    public func write<T>(_ body: (any StoreWriteTransaction) async throws -> T) async throws -> T {
        await lock.lockWrite()
        let transaction = MemoryTransaction(state: state)
        let result: T
        do {
            result = try await body(transaction)
        } catch {
            transaction.rollback()
            lock.unlockWrite()
            throw error
        }
        let last = state.lastSequence
        lock.unlockWrite()
        if transaction.appendedActivity { signal.publish(last) }
        return result
    }

    /// Waits for an activity newer than `sequence`, at most `timeout`.
    public func waitForActivity(after sequence: Int64, timeout: Duration) async {
        await signal.wait(after: sequence, timeout: timeout)
    }
}

extension CommunityStore where Self == InMemoryCommunityStore {
    /// A new, empty in-memory store.
    public static func inMemory() -> InMemoryCommunityStore { InMemoryCommunityStore() }
}
