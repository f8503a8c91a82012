/// The storage contract: where every CommunityKit record lives.
///
/// A store exposes transactions, not ad-hoc calls. Inside `read { tx in … }` and
/// `write { tx in … }` the transaction offers typed operations per record kind and the queries
/// the engines need. Engines hold the domain rules; a store holds none of them.
///
/// ## Contract for implementers
///
/// - **Serializable writes.** The effect of concurrent `write` calls is the effect of running
///   them one after the other. A backend that can fail a transaction on conflict retries it,
///   so a body may run more than once: keep bodies free of side effects outside the transaction.
/// - **Atomicity.** If the body throws, nothing it wrote is visible, ever; the error is rethrown.
///   A read never sees a write half done.
/// - **Tenancy.** Every query names its community, and never returns another community's records.
/// - **Uniqueness.** A store refuses, with ``CommunityError/Code/conflict``, a second community
///   with the same slug, a second member with the same handle in a community, and a second space
///   with the same slug in a community.
/// - **Ordering.** Paged queries return records in ascending identifier order, strictly after the
///   given cursor, so pages are stable under concurrent inserts; activities are ordered by
///   ``Activity/sequence``, assigned on append in commit order.
/// - **Indexes.** No paged query scans a whole record kind.
/// - **Errors.** Backend failures surface as ``CommunityError`` (`storage`, `conflict`,
///   `incompatibleSchema`); no backend type leaks.
/// - A transaction object must not be used after its body returns.
///
/// CommunityTesting's `StoreConformance` checks all of this; a backend that does not pass it is
/// not done.
///
/// ```swift
/// let store: any CommunityStore = InMemoryCommunityStore()
/// let member = try await store.read { tx in try await tx.member(id, in: communityID) }
/// ```
public protocol CommunityStore: Sendable {
    /// Runs `body` in a read transaction: a consistent snapshot, concurrent with other reads.
    /// - Parameter body: The reads to perform; its result is returned.
    /// - Throws: What `body` throws, or a ``CommunityError`` of code `storage`.
    func read<T>(_ body: (any StoreReadTransaction) async throws -> T) async throws -> T

    /// Runs `body` in a serializable write transaction; commits if it returns, rolls back if it throws.
    /// - Parameter body: The reads and writes to perform; it may run more than once on backends
    ///   that retry conflicts.
    /// - Throws: What `body` throws (after rolling back), or a ``CommunityError`` of code `storage`.
    func write<T>(_ body: (any StoreWriteTransaction) async throws -> T) async throws -> T

    /// Suspends until the log holds an activity with a sequence greater than `sequence`, or
    /// until `timeout` passes, whichever comes first. Real-time subscribers use it to wait
    /// without polling; they always re-read from their cursor, so a spurious wake-up is harmless.
    func waitForActivity(after sequence: Int64, timeout: Duration) async
}
