#if Postgres
import CommunityCore
@testable import CommunityPostgres
import Foundation
import ServiceLifecycle
import Testing

/// The store as a ServiceLifecycle service: it serves while its group runs and its `run()`
/// returns on graceful shutdown; afterwards transactions fail with a clear `storage` error.
@Suite(.enabled(if: PostgresTestServer.isConfigured, PostgresTestServer.skipReason))
struct PostgresLifecycleTests {
    @Test func runReturnsOnGracefulShutdown() async throws {
        let store = try PostgresCommunityStore(configuration: PostgresTestServer.configuration(poolSize: 2))
        let services = ServiceGroup(services: [store], logger: PostgresTransaction.logger)
        let community = Community(id: IDGenerator.uuidV7.next(at: Date()), name: "Life", slug: "life", createdAt: Date())
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await services.run() }
            try await store.open()
            try await store.write { try await $0.insert(community) }
            #expect(try await store.read { try await $0.community(slug: "life") } == community)
            await services.triggerGracefulShutdown()
            try await group.next()
        }
        do {
            _ = try await store.read { try await $0.community(slug: "life") }
            Issue.record("a transaction ran after shutdown")
        } catch let error as CommunityError {
            #expect(error.code == .storage, "\(error)")
        }
    }
}
#endif
