#if Postgres
import CommunityCore
import CommunityPostgres
import CommunityTesting
import Testing

/// The storage, discussion and event conformance suites against PostgreSQL, one fresh schema per store.
@Suite(.enabled(if: PostgresTestServer.isConfigured, PostgresTestServer.skipReason))
struct PostgresConformanceTests {
    @Test(arguments: StoreConformance.Case.allCases)
    func store(_ testCase: StoreConformance.Case) async throws {
        try await RunningStores.with { stores in
            try await StoreConformance { try await stores.make() }.run(testCase)
        }
    }

    @Test(arguments: DiscussionConformance.Case.allCases)
    func discussions(_ testCase: DiscussionConformance.Case) async throws {
        try await RunningStores.with { stores in
            try await DiscussionConformance { try await stores.make() }.run(testCase)
        }
    }

    @Test(arguments: EventConformance.Case.allCases)
    func events(_ testCase: EventConformance.Case) async throws {
        try await RunningStores.with { stores in
            try await EventConformance { try await stores.make() }.run(testCase)
        }
    }
}
#endif
