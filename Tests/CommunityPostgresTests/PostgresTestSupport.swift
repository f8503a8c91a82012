#if Postgres
import CommunityCore
@testable import CommunityPostgres
import Foundation
import PostgresNIO
import Synchronization
import Testing

/// The test server, from `COMMUNITY_PG_HOST`, `COMMUNITY_PG_PORT`, `COMMUNITY_PG_USER`,
/// `COMMUNITY_PG_PASSWORD` and `COMMUNITY_PG_DATABASE`. Without a host the suites are skipped.
enum PostgresTestServer {
    static let environment = ProcessInfo.processInfo.environment

    /// Whether a server is configured.
    static let isConfigured = environment["COMMUNITY_PG_HOST"].map { !$0.isEmpty } ?? false

    /// Why the suites are skipped when no server is configured.
    static let skipReason: Comment = "set COMMUNITY_PG_HOST (and COMMUNITY_PG_PORT, COMMUNITY_PG_USER, COMMUNITY_PG_PASSWORD, COMMUNITY_PG_DATABASE) to run the PostgreSQL tests"

    /// A configuration on a fresh schema of its own, so suites and cases run in parallel.
    static func configuration(schema: String = freshSchema(), poolSize: Int = 4, maxWriteAttempts: Int = 50) -> PostgresCommunityStore.Configuration {
        PostgresCommunityStore.Configuration(
            host: environment["COMMUNITY_PG_HOST"] ?? "127.0.0.1", port: Int(environment["COMMUNITY_PG_PORT"] ?? "") ?? 5432,
            username: environment["COMMUNITY_PG_USER"] ?? "postgres", password: environment["COMMUNITY_PG_PASSWORD"],
            database: environment["COMMUNITY_PG_DATABASE"] ?? "postgres", poolSize: poolSize, schema: schema,
            maxWriteAttempts: maxWriteAttempts)
    }

    /// A schema name no other test uses.
    static func freshSchema() -> String {
        "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
    }

    /// A single connection outside any store, for administration (terminating backends, reading catalogs).
    static func withAdminConnection<T>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        let config = configuration()
        let connection = try await PostgresConnection.connect(
            configuration: .init(host: config.host, port: config.port, username: config.username, password: config.password,
                                 database: config.database, tls: .disable),
            id: 1, logger: PostgresTransaction.logger)
        do {
            let result = try await body(connection)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }
}

/// Stores created by a test, each with its `run()` task; `shutdown()` cancels them.
final class RunningStores: Sendable {
    private let tasks = Mutex<[Task<Void, Never>]>([])

    /// A running, opened store on `configuration`.
    func make(_ configuration: PostgresCommunityStore.Configuration = PostgresTestServer.configuration()) async throws -> PostgresCommunityStore {
        let store = try PostgresCommunityStore(configuration: configuration)
        let task = Task { do { try await store.run() } catch {} }
        tasks.withLock { $0.append(task) }
        try await store.open()
        return store
    }

    /// A running, opened store on a PostgresNIO client the test owns and runs (the host's
    /// setup: the client sets no `search_path`, the store sets it in each transaction).
    func makeOnOwnClient(_ configuration: PostgresCommunityStore.Configuration) async throws -> PostgresCommunityStore {
        let client = PostgresClient(configuration: .init(
            host: configuration.host, port: configuration.port, username: configuration.username, password: configuration.password,
            database: configuration.database, tls: .disable))
        let store = try PostgresCommunityStore(client: client, schema: configuration.schema, concurrentWrites: 3)
        let clientTask = Task { await client.run() }
        let storeTask = Task { do { try await store.run() } catch {} }
        tasks.withLock { $0 += [storeTask, clientTask] }
        try await store.open()
        return store
    }

    /// Cancels every store's run task and waits for them to end.
    func shutdown() async {
        let running = tasks.withLock { tasks in
            defer { tasks = [] }
            return tasks
        }
        for task in running { task.cancel() }
        for task in running { await task.value }
    }

    /// Runs `body` with a fresh set of stores, shut down afterwards.
    static func with<T>(_ body: (RunningStores) async throws -> T) async throws -> T {
        let stores = RunningStores()
        do {
            let result = try await body(stores)
            await stores.shutdown()
            return result
        } catch {
            await stores.shutdown()
            throw error
        }
    }
}
#endif
