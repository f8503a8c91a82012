#if Postgres
import CommunityCore
import CommunityPostgres
import Foundation
import PostgresNIO

/// The PostgreSQL server of `--backend postgres`, from the environment variables the
/// Postgres tests read: `COMMUNITY_PG_HOST` (required), `COMMUNITY_PG_PORT` (5432),
/// `COMMUNITY_PG_USER` (postgres), `COMMUNITY_PG_PASSWORD` (none) and `COMMUNITY_PG_DATABASE`
/// (postgres). The SDK's store lives in schema ``sdkSchema`` and the raw peer's tables in
/// ``peerSchema``; both are dropped and recreated by every run.
enum PostgresBenchServer {
    /// The schema of the SDK's store.
    static let sdkSchema = "community_bench_sdk"
    /// The schema of the raw peer's tables.
    static let peerSchema = "community_bench_peer"
    /// Connections of the SDK's store: as many as the most concurrent bench (`post.create` ×8).
    static let poolSize = 8

    static let logger = Logger(label: "community-bench")

    private static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// What to set when no server is configured.
    static let missingServer = """
        --backend postgres needs a PostgreSQL server (15 or later, with the unaccent extension): set COMMUNITY_PG_HOST \
        (and COMMUNITY_PG_PORT, default 5432; COMMUNITY_PG_USER, default postgres; COMMUNITY_PG_PASSWORD; \
        COMMUNITY_PG_DATABASE, default postgres). The bench drops and recreates the schemas \(sdkSchema) and \(peerSchema).
        """

    /// Whether `COMMUNITY_PG_HOST` is set.
    static var isConfigured: Bool { environment["COMMUNITY_PG_HOST"].map { !$0.isEmpty } ?? false }

    /// The store configuration of the SDK side.
    static func storeConfiguration() throws -> PostgresCommunityStore.Configuration {
        guard isConfigured, let host = environment["COMMUNITY_PG_HOST"] else { throw BenchError(missingServer) }
        let portText = environment["COMMUNITY_PG_PORT"] ?? ""
        guard let port = portText.isEmpty ? 5432 : Int(portText) else {
            throw BenchError("COMMUNITY_PG_PORT must be a port number; got '\(portText)'")
        }
        return PostgresCommunityStore.Configuration(
            host: host, port: port, username: environment["COMMUNITY_PG_USER"] ?? "postgres",
            password: environment["COMMUNITY_PG_PASSWORD"], database: environment["COMMUNITY_PG_DATABASE"] ?? "postgres",
            poolSize: poolSize, schema: sdkSchema)
    }

    /// One plain connection to the same server (the peer's, and administration).
    static func connect(id: Int) async throws -> PostgresConnection {
        let store = try storeConfiguration()
        return try await PostgresConnection.connect(
            configuration: .init(host: store.host, port: store.port, username: store.username, password: store.password,
                                 database: store.database, tls: .disable),
            id: id, logger: logger)
    }

    /// Runs `body` on a connection of its own, closed afterwards.
    static func withConnection<T>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        let connection = try await connect(id: 0)
        do {
            let result = try await body(connection)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// Drops both schemas (before a run, so each starts empty, and after it).
    static func dropSchemas() async throws {
        try await withConnection { connection in
            _ = try await connection.query(PostgresQuery(unsafeSQL: "DROP SCHEMA IF EXISTS \(sdkSchema), \(peerSchema) CASCADE"), logger: logger)
        }
    }

    /// The SDK's store, running (its pool and listener in `task`), migrated.
    static func openStore() async throws -> (store: PostgresCommunityStore, task: Task<Void, any Error>) {
        let store = try PostgresCommunityStore(configuration: storeConfiguration())
        let task = Task { try await store.run() }
        do {
            try await store.open()
        } catch {
            task.cancel()
            throw error
        }
        return (store, task)
    }
}
#endif
