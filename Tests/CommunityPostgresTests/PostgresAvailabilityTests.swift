import Testing

/// Says, in every run, whether the PostgreSQL suites ran: without a server they are skipped.
@Suite struct PostgresAvailabilityTests {
    @Test func traitAndServer() {
        #if Postgres
        if !PostgresTestServer.isConfigured {
            print("CommunityPostgresTests: skipped — \(PostgresTestServer.skipReason)")
        }
        #else
        print("CommunityPostgresTests: the PostgreSQL backend is not built; run `swift test --traits Postgres` with COMMUNITY_PG_HOST set")
        #endif
    }
}
