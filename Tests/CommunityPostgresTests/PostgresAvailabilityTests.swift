#if Postgres
@testable import CommunityPostgres
import PostgresNIO
import Testing

/// The configured server is one the store can run on. Without `COMMUNITY_PG_HOST` this suite, like
/// every PostgreSQL suite, is reported as skipped with ``PostgresTestServer/skipReason``.
@Suite(.enabled(if: PostgresTestServer.isConfigured, PostgresTestServer.skipReason))
struct PostgresAvailabilityTests {
    @Test func serverIsPostgreSQL15WithUnaccent() async throws {
        let rows = try await PostgresTestServer.withAdminConnection { connection in
            try await connection.query(
                """
                SELECT current_setting('server_version_num')::int8,
                       EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'unaccent')
                """,
                logger: PostgresTransaction.logger
            ).collect()
        }
        #expect(rows.count == 1)
        for row in rows {
            let (version, unaccent) = try row.decode((Int, Bool).self)
            #expect(version >= 150_000, "PostgreSQL 15 or later")
            #expect(unaccent, "the unaccent extension (postgresql-contrib) is installed")
        }
    }
}
#endif
