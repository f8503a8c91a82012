import CSQLite
public import CommunityCore
import Foundation

/// The durable embedded backend: every record in a SQLite database file (the system's libsqlite3).
///
/// The database runs in WAL mode with foreign keys on. One writer connection serves write
/// transactions one at a time (`BEGIN IMMEDIATE` … `COMMIT`, rolled back if the body throws), so
/// writes are serializable; a small pool of reader connections serves read transactions, each a
/// consistent snapshot that proceeds while a write is in progress. The schema is migrated on open.
///
/// Its transactions also implement the discussion storage contract
/// (`DiscussionReadTransaction`, `DiscussionWriteTransaction`): threads, posts, reactions, read
/// state, follows, the inbox, flags, and full-text search on an FTS5 index kept in the same
/// transaction as the posts; and the event storage contract (`EventReadTransaction`,
/// `EventWriteTransaction`, with reminder receipts, live sessions and occurrence overrides): events,
/// RSVPs and seat counters.
///
/// ```swift
/// let store = try SQLiteCommunityStore(path: "/var/lib/app/community.sqlite")
/// let service = CommunityService(store: store)
/// try await store.backup(to: "/var/backups/community-\(day).sqlite")
/// ```
///
/// Several stores (or processes) may open the same file; each waits up to
/// ``Configuration/busyTimeout`` for the others' write locks. Real-time waiters
/// (``waitForActivity(after:timeout:)``) are woken by this store's commits only: a subscriber
/// of another process's writes sees them at its next timeout.
public final class SQLiteCommunityStore: CommunityStore, Sendable {
    /// The database file.
    public let path: String
    /// How the store was opened.
    public let configuration: Configuration

    private let writer: SQLiteConnection
    private let writerLock = AsyncSemaphore(count: 1)
    private let readers: SQLiteReaderPool
    private let checkpointer: SQLiteCheckpointer
    private let signal = ActivitySignal()

    /// The native busy timeout of each connection: short, so a blocked SQLite call never holds a
    /// thread long; the store retries on top of it with async backoff up to the configured timeout.
    private static let nativeBusyTimeout: Duration = .milliseconds(20)

    /// Opens (creating if needed) the database at `path` and migrates it to the current schema.
    /// - Parameters:
    ///   - path: A file path. In-memory databases are not supported (use `InMemoryCommunityStore`).
    ///   - configuration: Durability, lock waiting and reader pool size.
    /// - Throws: `invalidInput` for an empty or in-memory path or a bad configuration;
    ///   `incompatibleSchema` if the database was written by a newer CommunityKit (it is left
    ///   untouched); `storage` if the file cannot be opened, is not a database or is corrupt.
    public convenience init(path: String, configuration: Configuration = Configuration()) throws {
        try self.init(path: path, configuration: configuration, migrations: SQLiteMigration.all)
    }

    init(path: String, configuration: Configuration, migrations: [SQLiteMigration]) throws {
        guard !path.isEmpty else { throw CommunityError.invalidInput("the database path is empty", field: "path") }
        guard path != ":memory:", !path.contains("mode=memory") else {
            throw CommunityError.invalidInput(
                "SQLiteCommunityStore needs a file path, not an in-memory database; use InMemoryCommunityStore", field: "path")
        }
        guard (1...64).contains(configuration.readerCount) else {
            throw CommunityError.invalidInput(
                "readerCount must be between 1 and 64; got \(configuration.readerCount)", field: "readerCount")
        }
        guard configuration.busyTimeout >= .zero else {
            throw CommunityError.invalidInput("busyTimeout must not be negative", field: "busyTimeout")
        }
        guard sqlite3_threadsafe() != 0 else {
            throw CommunityError(.storage, "the system SQLite is built without thread support (SQLITE_THREADSAFE=0)")
        }
        self.path = path
        self.configuration = configuration
        do {
            let database = try SQLiteDatabase(path: path, create: true, busyTimeout: configuration.busyTimeout)
            let migrator = SQLiteMigrator(migrations: migrations)
            // Read the version before any statement that could write to the file.
            try migrator.checkCompatible(database, path: path)
            let mode = try database.queryFirst("PRAGMA journal_mode = WAL") { $0.text(0) }
            guard mode?.lowercased() == "wal" else {
                throw CommunityError(.storage, "could not put '\(path)' in WAL mode (journal mode is \(mode ?? "unknown"))")
            }
            try database.executeScript(
                "PRAGMA synchronous = \(configuration.synchronous == .full ? "FULL" : "NORMAL"); PRAGMA foreign_keys = ON")
            try migrator.migrate(database, path: path, now: Date().timeIntervalSinceReferenceDate)
            let last = try database.queryFirst("SELECT coalesce(max(sequence), 0) FROM activities") { $0.int64(0) } ?? 0
            database.setBusyTimeout(Self.nativeBusyTimeout)
            let checkpoints = try SQLiteDatabase(path: path, create: false, busyTimeout: Self.nativeBusyTimeout)
            try checkpoints.executeScript("PRAGMA synchronous = \(configuration.synchronous == .full ? "FULL" : "NORMAL")")
            checkpointer = SQLiteCheckpointer(SQLiteConnection(checkpoints))
            checkpointer.watch(database)
            writer = SQLiteConnection(database)

            var connections: [SQLiteConnection] = []
            for _ in 0..<configuration.readerCount {
                let reader = try SQLiteDatabase(path: path, create: false, busyTimeout: Self.nativeBusyTimeout)
                try reader.executeScript("PRAGMA query_only = ON; PRAGMA foreign_keys = ON")
                connections.append(SQLiteConnection(reader))
            }
            readers = SQLiteReaderPool(connections)
            signal.publish(last)
        } catch {
            throw CommunityError.mapping(error)
        }
    }

    // MARK: Transactions

    /// Runs `body` on a reader connection inside one snapshot (`BEGIN` … `ROLLBACK`): it sees
    /// every write committed before it started and none after, while writes proceed.
    public func read<T>(_ body: (any StoreReadTransaction) async throws -> T) async throws -> T {
        let connection = await readers.checkOut()
        defer { readers.checkIn(connection) }
        // Read once inside the transaction to pin the snapshot now, retrying if the file is locked.
        try await begin(connection, ["BEGIN DEFERRED", "SELECT count(*) FROM schema_version"])
        let transaction = SQLiteTransaction(connection: connection, isWritable: false)
        defer {
            transaction.close()
            Self.rollback(connection)
        }
        do {
            return try await body(transaction)
        } catch {
            throw CommunityError.mapping(error)
        }
    }

    /// Runs `body` alone on the writer connection (`BEGIN IMMEDIATE` … `COMMIT`); rolls back
    /// everything it wrote if it throws, or if a storage failure happened inside it.
    public func write<T>(_ body: (any StoreWriteTransaction) async throws -> T) async throws -> T {
        let result = try await writeInTurn(body)
        // After the turn: other writers proceed while the log is checkpointed.
        checkpointer.checkpointIfNeeded()
        return result
    }

    /// ``write(_:)`` while holding the writer's turn.
    private func writeInTurn<T>(_ body: (any StoreWriteTransaction) async throws -> T) async throws -> T {
        await writerLock.acquire()
        defer { writerLock.release() }
        try await begin(writer, ["BEGIN IMMEDIATE"])
        let transaction = SQLiteTransaction(connection: writer, isWritable: true)
        let result: T
        do {
            result = try await body(transaction)
            transaction.close()
            if let failure = transaction.failure { throw failure }
            try writer.withDatabase { _ = try $0.execute("COMMIT") }
        } catch {
            transaction.close()
            Self.rollback(writer)
            throw CommunityError.mapping(error)
        }
        if let sequence = transaction.lastAppendedSequence { signal.publish(sequence) }
        return result
    }

    /// Waits for an activity newer than `sequence` committed by this store, at most `timeout`.
    public func waitForActivity(after sequence: Int64, timeout: Duration) async {
        await signal.wait(after: sequence, timeout: timeout)
    }

    /// Runs `statements` (a `BEGIN`, and for a reader the read that pins its snapshot) as cached
    /// prepared statements, retrying with exponential backoff while another process holds the
    /// lock, up to ``Configuration/busyTimeout``; then fails with `storage`.
    private func begin(_ connection: SQLiteConnection, _ statements: [String]) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: configuration.busyTimeout)
        var delay: Duration = .milliseconds(1)
        while true {
            do {
                try connection.withDatabase { database in
                    for sql in statements { try database.execute(sql) }
                }
                return
            } catch let error as SQLiteError where error.isBusy {
                Self.rollback(connection)
                guard clock.now < deadline else { throw error.communityError }
                try? await Task.sleep(for: delay)
                delay = min(delay * 2, .milliseconds(50))
            } catch {
                Self.rollback(connection)
                throw CommunityError.mapping(error)
            }
        }
    }

    func checkOutReader() async -> SQLiteConnection { await readers.checkOut() }

    func checkInReader(_ connection: SQLiteConnection) { readers.checkIn(connection) }

    private static func rollback(_ connection: SQLiteConnection) {
        try? connection.withDatabase { database in
            if database.isInTransaction { try database.execute("ROLLBACK") }
        }
    }
}

extension CommunityStore where Self == SQLiteCommunityStore {
    /// A store on the SQLite database at `path`, created and migrated if needed.
    ///
    /// ```swift
    /// let kit = CommunityKit(store: try .sqlite(path: "/var/lib/app/community.sqlite"))
    /// ```
    /// - Throws: See ``SQLiteCommunityStore/init(path:configuration:)``.
    public static func sqlite(path: String, configuration: SQLiteCommunityStore.Configuration = .init()) throws -> SQLiteCommunityStore {
        try SQLiteCommunityStore(path: path, configuration: configuration)
    }
}
