#if Postgres
public import CommunityCore
import Foundation
public import PostgresNIO
public import ServiceLifecycle
import Synchronization

/// The PostgreSQL backend: every record in a PostgreSQL database (15 or later), shared by any
/// number of app instances. Enabled by the package trait `Postgres`.
///
/// - **Writes** run `SERIALIZABLE`. When PostgreSQL reports a serialization failure (40001) or a
///   deadlock (40P01), or the connection is lost before `COMMIT`, the store rolls back and runs
///   the body again after a random pause (full jitter, growing exponentially to 50 ms), up to
///   ``Configuration/maxWriteAttempts`` times: bodies may run more than once, as the contract says.
/// - **Reads** run `REPEATABLE READ READ ONLY`: one snapshot for every statement of the body, so
///   a read never sees a write half done, and never blocks or fails a writer.
/// - **Activity sequences** follow commit order: an appending transaction takes a transaction-level
///   advisory lock before it draws the next value of `activity_sequence`, and holds it until it
///   ends, so a later sequence is never visible before an earlier one.
/// - **Real time across instances**: an appending transaction `NOTIFY`s the store's channel in
///   the same transaction (delivered only if it commits); every instance `LISTEN`s on it in
///   ``run()`` and wakes its ``waitForActivity(after:timeout:)`` waiters.
/// - **Schema**: versioned migrations run on first use (or ``open()``) under an advisory lock,
///   in one transaction; a schema newer than this code is refused with `incompatibleSchema`.
///
/// The store must be running: call ``run()`` in a long-lived task (or add the store to a
/// `ServiceGroup`); it runs the connection pool and the listener, and returns on cancellation
/// or graceful shutdown.
///
/// ```swift
/// let store = try PostgresCommunityStore(configuration: .init(
///     host: "127.0.0.1", username: "community", password: secret, database: "community"))
/// try await withThrowingDiscardingTaskGroup { group in
///     group.addTask { try await store.run() }
///     try await store.open()
///     let kit = CommunityKit(store: store)
///     …
/// }
/// ```
public final class PostgresCommunityStore: CommunityStore, Service, Sendable {
    /// The schema holding the tables.
    public let schema: String

    private let client: PostgresClient
    private let ownsClient: Bool
    private let setsSearchPath: Bool
    private let maxWriteAttempts: Int
    private let signal = ActivitySignal()
    private let isMigrated = Atomic<Bool>(false)
    private let gate: PostgresWriteGate
    /// The notification channel of this schema (a database-wide name).
    let channel: String
    /// The advisory lock key serializing activity appends in this schema.
    let appendLockKey: Int64

    /// The advisory lock key every migration takes (extensions are database-wide).
    static let migrationLockKey: Int64 = 0x436F_6D6D_4B69_7401

    /// Creates a store that connects with `configuration`. Connects nothing until ``run()``.
    /// - Throws: `invalidInput` naming an unusable setting.
    public convenience init(configuration: Configuration) throws {
        try configuration.validate()
        var client = PostgresClient.Configuration(
            host: configuration.host, port: configuration.port, username: configuration.username, password: configuration.password,
            database: configuration.database, tls: configuration.tls == .require ? .require(.makeClientConfiguration()) : .disable)
        // One more connection than the pool size: the listener holds one.
        client.options.maximumConnections = configuration.poolSize + 1
        client.options.additionalStartupParameters = [("search_path", "\(configuration.schema), public")]
        self.init(
            client: PostgresClient(configuration: client), ownsClient: true, setsSearchPath: false,
            schema: configuration.schema, maxWriteAttempts: configuration.maxWriteAttempts, concurrentWrites: configuration.poolSize)
    }

    /// Creates a store on a client the host owns and runs (its pool size bounds concurrency; the
    /// store's listener holds one connection while ``run()`` runs).
    /// - Parameters:
    ///   - client: A PostgresNIO client; the host runs it (``run()`` does not).
    ///   - schema: The schema holding CommunityKit's tables, created if absent.
    ///   - maxWriteAttempts: See ``Configuration/maxWriteAttempts``.
    ///   - concurrentWrites: How many write transactions may run at once at most (the gate adapts
    ///     below it under conflicts); at most the client's connection count minus one.
    /// - Throws: `invalidInput` for a bad schema name, attempt count or write count.
    public convenience init(client: PostgresClient, schema: String = "public", maxWriteAttempts: Int = 50, concurrentWrites: Int = 8) throws {
        try Self.validate(schema: schema, maxWriteAttempts: maxWriteAttempts)
        guard (1...256).contains(concurrentWrites) else {
            throw CommunityError.invalidInput("concurrentWrites must be between 1 and 256; got \(concurrentWrites)", field: "concurrentWrites")
        }
        self.init(client: client, ownsClient: false, setsSearchPath: true, schema: schema, maxWriteAttempts: maxWriteAttempts,
                  concurrentWrites: concurrentWrites)
    }

    private init(client: PostgresClient, ownsClient: Bool, setsSearchPath: Bool, schema: String, maxWriteAttempts: Int, concurrentWrites: Int) {
        self.gate = PostgresWriteGate(maximum: concurrentWrites)
        self.client = client
        self.ownsClient = ownsClient
        self.setsSearchPath = setsSearchPath
        self.schema = schema
        self.maxWriteAttempts = maxWriteAttempts
        self.channel = "community_activity_\(schema)"
        self.appendLockKey = Self.lockKey("activities:\(schema)")
    }

    /// A stable 64-bit key for `name` (FNV-1a).
    static func lockKey(_ name: String) -> Int64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return Int64(bitPattern: hash)
    }

    // MARK: Lifecycle

    /// Runs the connection pool (when the store created it) and the activity listener until the
    /// task is cancelled or a graceful shutdown is triggered. Transactions need it running.
    public func run() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            if ownsClient { group.addTask { await self.client.run() } }
            // The client returns on graceful shutdown by itself; the listener is told to.
            group.addTask { await cancelWhenGracefulShutdown { await self.listen() } }
            _ = try await group.next()
            group.cancelAll()
        }
    }

    /// Creates or migrates the schema (under an advisory lock, so instances opening together do
    /// not race) and reads the log's last sequence. Transactions call it on first use; call it
    /// at startup to fail early.
    /// - Throws: `incompatibleSchema` if the schema is newer than this code (nothing is changed);
    ///   `storage` if the server cannot be reached or refuses (for example the `unaccent` extension
    ///   is missing: install postgresql-contrib).
    public func open() async throws {
        do {
            try await withConnection { connection in
                try await PostgresMigrator(migrations: PostgresMigration.all, schema: self.schema).migrate(connection)
                self.signal.publish(try await self.lastSequence(connection))
            }
            isMigrated.store(true, ordering: .releasing)
        } catch {
            throw PostgresFailure.mapping(error)
        }
    }

    private func openIfNeeded() async throws {
        if !isMigrated.load(ordering: .acquiring) { try await open() }
    }

    // MARK: Transactions

    /// Runs `body` in a `REPEATABLE READ READ ONLY` transaction: one snapshot for the whole body.
    public func read<T>(_ body: (any StoreReadTransaction) async throws -> T) async throws -> T {
        try await openIfNeeded()
        var attempt = 1
        while true {
            do {
                return try await attemptRead(body)
            } catch let retry as RetryableFailure {
                // The pooled connection was found closed at BEGIN, before the body ran: take another.
                guard attempt < 3 else { throw PostgresFailure.mapping(retry.cause) }
                attempt += 1
            }
        }
    }

    private func attemptRead<T>(_ body: (any StoreReadTransaction) async throws -> T) async throws -> T {
        do {
            return try await withConnection { connection in
                do {
                    try await self.begin(connection, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                } catch where PostgresFailure.isConnectionLoss(error) {
                    throw RetryableFailure(cause: error)
                }
                let transaction = PostgresTransaction(connection: connection, isWritable: false, appendLockKey: self.appendLockKey, channel: self.channel)
                do {
                    let result = try await body(transaction)
                    transaction.close()
                    try await Self.execute(connection, "COMMIT")
                    return result
                } catch {
                    transaction.close()
                    await Self.rollback(connection)
                    throw error
                }
            }
        } catch let retry as RetryableFailure {
            throw retry
        } catch {
            throw PostgresFailure.mapping(error)
        }
    }

    /// Runs `body` in a `SERIALIZABLE` transaction, again (after a jittered pause) when PostgreSQL
    /// reports a serialization failure or deadlock, or loses the connection before `COMMIT`.
    public func write<T>(_ body: (any StoreWriteTransaction) async throws -> T) async throws -> T {
        try await openIfNeeded()
        var attempt = 1
        while true {
            await gate.acquire()
            do {
                let result = try await attemptWrite(body)
                gate.release(conflicted: false)
                return result
            } catch let retry as RetryableFailure {
                gate.release(conflicted: PostgresFailure.isRetryable(retry.cause))
                guard attempt < maxWriteAttempts else { throw PostgresFailure.mapping(retry.cause) }
                attempt += 1
                // Full jitter: a random pause up to 1 ms × 2^attempt, at most 50 ms.
                let ceiling = min(50_000, 1_000 << min(attempt, 6))
                try await Task.sleep(for: .microseconds(Int.random(in: 0...ceiling)))
            } catch {
                gate.release(conflicted: false)
                throw error
            }
        }
    }

    /// A failure after which the write runs again: the server rolled the transaction back.
    private struct RetryableFailure: Error {
        let cause: any Error
    }

    private func attemptWrite<T>(_ body: (any StoreWriteTransaction) async throws -> T) async throws -> T {
        do {
            return try await withConnection { connection in
                try await self.begin(connection, "BEGIN ISOLATION LEVEL SERIALIZABLE")
                let transaction = PostgresTransaction(connection: connection, isWritable: true, appendLockKey: self.appendLockKey, channel: self.channel)
                let result: T
                do {
                    result = try await body(transaction)
                    transaction.close()
                    if let failure = transaction.failure { throw failure }
                } catch {
                    transaction.close()
                    await Self.rollback(connection)
                    // A serialization failure the body caught and replaced still means "run again".
                    let cause = transaction.failure ?? error
                    if PostgresFailure.isRetryable(cause) || PostgresFailure.isConnectionLoss(cause) { throw RetryableFailure(cause: cause) }
                    throw error
                }
                do {
                    try await Self.execute(connection, "COMMIT")
                } catch {
                    // A serialization failure at COMMIT rolled back; a lost connection leaves the outcome unknown.
                    if PostgresFailure.isRetryable(error) { throw RetryableFailure(cause: error) }
                    if PostgresFailure.isConnectionLoss(error) {
                        throw CommunityError(.storage, "the connection to PostgreSQL was lost during COMMIT: the write may or may not "
                            + "have been applied; read the records back before retrying")
                    }
                    throw error
                }
                if let sequence = transaction.lastAppendedSequence { self.signal.publish(sequence) }
                return result
            }
        } catch let retry as RetryableFailure {
            throw retry
        } catch {
            if PostgresFailure.isConnectionLoss(error) && !(error is CommunityError) { throw RetryableFailure(cause: error) }
            throw PostgresFailure.mapping(error)
        }
    }

    /// Waits for an activity newer than `sequence`: committed by this instance or, through
    /// `LISTEN`, by any instance on the same schema (while ``run()`` runs). At most `timeout`.
    public func waitForActivity(after sequence: Int64, timeout: Duration) async {
        await signal.wait(after: sequence, timeout: timeout)
    }

    // MARK: Connections

    /// Leases a pooled connection for `body`. Failing to get one (the pool is shut down, the
    /// server is unreachable or refuses the login) is a `storage` error saying so; what `body`
    /// throws passes through.
    private func withConnection<T>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        var leased = false
        do {
            return try await client.withConnection { connection in
                leased = true
                return try await body(connection)
            }
        } catch {
            guard !leased, !(error is CancellationError) else { throw error }
            if let psql = error as? PSQLError, psql.code == .server { throw PostgresFailure.mapping(psql) }
            throw CommunityError(.storage, "could not get a PostgreSQL connection (\(error)); check that the store's run() is running "
                + "(it ends on shutdown) and that the server is reachable")
        }
    }

    private func begin(_ connection: PostgresConnection, _ sql: String) async throws {
        try await Self.execute(connection, sql)
        if setsSearchPath {
            do {
                try await Self.execute(connection, "SET LOCAL search_path TO \(schema), public")
            } catch {
                await Self.rollback(connection)
                throw error
            }
        }
    }

    static func execute(_ connection: PostgresConnection, _ sql: String) async throws {
        _ = try await PostgresFailure.rows(connection, PostgresQuery(unsafeSQL: sql))
    }

    /// Ends the connection's open transaction, if the connection is still there to end it on.
    static func rollback(_ connection: PostgresConnection) async {
        guard !connection.isClosed else { return }
        try? await execute(connection, "ROLLBACK")
    }

    /// The activity log's last sequence (0 when empty), to catch the signal up on open and on
    /// every (re)connection of the listener.
    private func lastSequence(_ connection: PostgresConnection) async throws -> Int64 {
        let rows = try await PostgresFailure.rows(
            connection, PostgresQuery(unsafeSQL: "SELECT coalesce(max(sequence), 0) FROM \"\(schema)\".activities"))
        return try rows.first?.decode(Int64.self) ?? 0
    }

    /// Listens on the schema's channel and wakes waiters; reconnects after a lost connection,
    /// catching up with the log's last sequence each time it (re)starts listening.
    private func listen() async {
        while !Task.isCancelled {
            do {
                try await withConnection { connection in
                    try await connection.listen(on: self.channel) { notifications in
                        self.signal.publish(try await self.lastSequence(connection))
                        for try await notification in notifications {
                            if let sequence = Int64(notification.payload) { self.signal.publish(sequence) }
                        }
                    }
                }
            } catch {
                // The connection was lost or the schema is not created yet: try again shortly.
            }
            try? await Task.sleep(for: .milliseconds(200))
        }
    }
}
#endif
