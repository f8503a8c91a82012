#if Postgres
import CommunityCore
@testable import CommunityPostgres
import Foundation
import PostgresNIO
import Synchronization
import Testing

/// A backend terminated in the middle of a write transaction (`pg_terminate_backend`): the write
/// is all there or not at all, and the store goes on serving writes on new connections.
@Suite(.enabled(if: PostgresTestServer.isConfigured, PostgresTestServer.skipReason))
struct PostgresConnectionLossTests {
    private func community(_ slug: String) -> Community {
        Community(id: IDGenerator.uuidV7.next(at: Date()), name: slug, slug: slug, createdAt: Date())
    }

    /// Inserts `first`, terminates its own backend from another connection (on the attempts
    /// `terminate` allows), then inserts `second`.
    private func write(_ store: PostgresCommunityStore, _ first: Community, _ second: Community,
                       terminate: @escaping @Sendable (Int) -> Bool, attempts: Attempts) async throws {
        try await store.write { tx in
            let attempt = attempts.next()
            try await tx.insert(first)
            guard let postgres = tx as? PostgresTransaction else { throw CommunityError(.storage, "not a PostgreSQL transaction") }
            let row = try #require(try await postgres.rows("SELECT pg_backend_pid()").first)
            let pid = try row.decode(Int32.self)
            if terminate(attempt) {
                let terminated = try await PostgresTestServer.withAdminConnection { connection in
                    try await connection.query("SELECT pg_terminate_backend(\(pid), 5000)", logger: PostgresTransaction.logger)
                        .collect().first?.decode(Bool.self)
                }
                #expect(terminated == true)
            }
            try await tx.insert(second)
        }
    }

    @Test func withoutRetryTheWriteIsAbsentAndTheStoreRecovers() async throws {
        try await RunningStores.with { stores in
            let store = try await stores.make(PostgresTestServer.configuration(poolSize: 2, maxWriteAttempts: 1))
            let first = community("first"), second = community("second")
            let attempts = Attempts()
            do {
                try await write(store, first, second, terminate: { _ in true }, attempts: attempts)
                Issue.record("a write on a terminated backend committed")
            } catch let error as CommunityError {
                #expect(error.code == .storage, "\(error)")
                #expect(error.message.contains("connection"), "\(error)")
            }
            #expect(try await store.read { try await $0.community(first.id) } == nil, "nothing of the write is there")
            #expect(try await store.read { try await $0.community(second.id) } == nil)
            let after = community("after")
            for _ in 0..<4 { _ = try await store.read { try await $0.community(after.id) } }
            try await store.write { try await $0.insert(after) }
            #expect(try await store.read { try await $0.community(slug: "after") } == after, "the store serves new writes")
        }
    }

    @Test func withRetryTheWriteIsAppliedOnceOnANewConnection() async throws {
        try await RunningStores.with { stores in
            let store = try await stores.make(PostgresTestServer.configuration(poolSize: 2))
            let first = community("first"), second = community("second")
            let attempts = Attempts()
            try await write(store, first, second, terminate: { $0 == 1 }, attempts: attempts)
            #expect(attempts.count == 2, "the body ran again after the connection was lost")
            #expect(try await store.read { try await $0.community(first.id) } == first, "the whole write is there")
            #expect(try await store.read { try await $0.community(second.id) } == second)
        }
    }
}
#endif
