#if Postgres
import CommunityCore
@testable import CommunityPostgres
import PostgresNIO
import Testing

/// Migrations: an empty schema is created at the latest version, instances opening together
/// migrate once, a newer schema is refused untouched.
@Suite(.enabled(if: PostgresTestServer.isConfigured, PostgresTestServer.skipReason))
struct PostgresMigrationTests {
    private func versions(of schema: String) async throws -> [Int] {
        try await PostgresTestServer.withAdminConnection { connection in
            try await connection.query("SELECT version FROM \(unescaped: schema).schema_version ORDER BY version",
                                       logger: PostgresTransaction.logger).collect().map { try $0.decode(Int.self) }
        }
    }

    @Test func anEmptySchemaIsCreatedAtTheLatestVersionAndReopeningChangesNothing() async throws {
        let configuration = PostgresTestServer.configuration()
        try await RunningStores.with { stores in
            let store = try await stores.make(configuration)
            #expect(try await versions(of: configuration.schema) == PostgresMigration.all.map(\.version))
            #expect(try await store.read { try await $0.lastActivitySequence() } == 0)
            let applied = try await PostgresTestServer.withAdminConnection { connection in
                try await PostgresMigrator(migrations: PostgresMigration.all, schema: configuration.schema).migrate(connection)
            }
            #expect(applied.isEmpty, "a second migration applies nothing")
            let reopened = try await stores.make(configuration)
            #expect(try await reopened.read { try await $0.community(slug: "none") } == nil)
        }
    }

    @Test func storesOpeningTogetherMigrateOnce() async throws {
        let configuration = PostgresTestServer.configuration(poolSize: 2)
        try await RunningStores.with { stores in
            let opened = try await withThrowingTaskGroup(of: PostgresCommunityStore.self) { group in
                for _ in 0..<6 { group.addTask { try await stores.make(configuration) } }
                return try await group.reduce(into: [PostgresCommunityStore]()) { $0.append($1) }
            }
            #expect(try await versions(of: configuration.schema) == PostgresMigration.all.map(\.version))
            let fixture = try await CommunityService(CommunityEnvironment(store: opened[0])).createCommunity(
                name: "Shared", slug: "shared", owner: MemberProfile(handle: "owner", displayName: "Owner"))
            for store in opened {
                #expect(try await store.read { try await $0.community(slug: "shared") }?.id == fixture.community.id)
            }
        }
    }

    @Test func aNewerSchemaIsRefusedAndLeftUntouched() async throws {
        let configuration = PostgresTestServer.configuration()
        let newer = (PostgresMigration.all.last?.version ?? 0) + 1
        try await RunningStores.with { stores in
            _ = try await stores.make(configuration)
            try await PostgresTestServer.withAdminConnection { connection in
                _ = try await connection.query(
                    "INSERT INTO \(unescaped: configuration.schema).schema_version (version, summary) VALUES (\(newer), 'from the future')",
                    logger: PostgresTransaction.logger).collect()
            }
            let store = try PostgresCommunityStore(configuration: configuration)
            let task = Task { do { try await store.run() } catch {} }
            defer { task.cancel() }
            do {
                try await store.open()
                Issue.record("a newer schema was opened")
            } catch let error as CommunityError {
                #expect(error.code == .incompatibleSchema, "\(error)")
                #expect(error.message.contains("version \(newer)"), "\(error)")
            }
            do {
                _ = try await store.read { try await $0.lastActivitySequence() }
                Issue.record("a transaction ran on a newer schema")
            } catch let error as CommunityError {
                #expect(error.code == .incompatibleSchema, "\(error)")
            }
            #expect(try await versions(of: configuration.schema) == PostgresMigration.all.map(\.version) + [newer])
        }
    }

    @Test func badConfigurationIsRefusedBeforeConnecting() throws {
        var configuration = PostgresTestServer.configuration()
        configuration.schema = "Robert'); DROP TABLE students;--"
        #expect(throws: CommunityError.self) { try PostgresCommunityStore(configuration: configuration) }
        configuration = PostgresTestServer.configuration(poolSize: 0)
        #expect(throws: CommunityError.self) { try PostgresCommunityStore(configuration: configuration) }
    }
}
#endif
