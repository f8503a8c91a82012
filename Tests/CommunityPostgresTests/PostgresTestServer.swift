#if Postgres
import CommunityCore
@testable import CommunityPostgres
import Foundation
import PostgresNIO
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
#endif
