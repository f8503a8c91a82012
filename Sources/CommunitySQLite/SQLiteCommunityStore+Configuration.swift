extension SQLiteCommunityStore {
    /// How a ``SQLiteCommunityStore`` opens its database.
    ///
    /// ```swift
    /// let store = try SQLiteCommunityStore(
    ///     path: "/var/lib/app/community.sqlite",
    ///     configuration: .init(synchronous: .full, busyTimeout: .seconds(2), readerCount: 8))
    /// ```
    public struct Configuration: Hashable, Sendable {
        /// When a committed write reaches the disk (SQLite's `PRAGMA synchronous`, in WAL mode).
        public enum Synchronous: String, Hashable, Sendable, CaseIterable {
            /// `NORMAL`: a commit appends to the write-ahead log without waiting for the disk; the
            /// log is synced at checkpoints. A committed write survives a crash or kill of the
            /// process; after a power loss or OS crash the last commits may be rolled back, but
            /// the database is never corrupt. The fast default, as in most embedded deployments.
            case normal
            /// `FULL`: every commit waits until the write-ahead log is synced to the disk, so a
            /// committed write also survives a power loss or OS crash. Slower commits.
            case full
        }

        /// When a committed write reaches the disk. Default ``Synchronous/normal``.
        public var synchronous: Synchronous
        /// How long a transaction waits for a lock held by another process (another store on
        /// the same file, a backup tool) before failing with `storage`. The store retries with
        /// backoff inside that window; within one store, writers queue and never see a lock.
        /// Default 5 seconds.
        public var busyTimeout: Duration
        /// How many reader connections serve read transactions concurrently with the writer
        /// (1–64). Default 4.
        public var readerCount: Int

        /// Creates a configuration; every part has a default.
        public init(synchronous: Synchronous = .normal, busyTimeout: Duration = .seconds(5), readerCount: Int = 4) {
            self.synchronous = synchronous
            self.busyTimeout = busyTimeout
            self.readerCount = readerCount
        }
    }
}
