import CommunityCore
@testable import CommunitySQLite
import Foundation
import Testing

@Suite struct SQLiteMigrationTests {
    let folder: TemporaryFolder
    let f = Fixtures()

    init() throws { folder = try TemporaryFolder() }

    @Test func migratesAnEmptyDatabaseToTheLatestVersion() throws {
        let path = folder.path()
        _ = try SQLiteCommunityStore(path: path)
        let versions = try rawQuery(path, "SELECT version FROM schema_version ORDER BY version").map { $0[0] }
        #expect(versions == SQLiteMigration.all.map { String($0.version) })
        let tables = Set(try rawQuery(path, "SELECT name FROM sqlite_master WHERE type = 'table'").map { $0[0] })
        #expect(tables.isSuperset(of: ["communities", "members", "member_tokens", "spaces", "memberships", "invitations", "join_requests", "activities"]))
        #expect(try rawQuery(path, "PRAGMA journal_mode") == [["wal"]])
    }

    @Test func reopeningKeepsDataAndAppliesNothing() async throws {
        let path = folder.path()
        let community = f.community()
        do {
            let store = try SQLiteCommunityStore(path: path)
            try await store.write { try await $0.insert(community) }
        }
        let rowsBefore = try rawQuery(path, "SELECT version, applied_at FROM schema_version")
        let store = try SQLiteCommunityStore(path: path)
        #expect(try await store.read { try await $0.community(community.id) } == community)
        #expect(try rawQuery(path, "SELECT version, applied_at FROM schema_version") == rowsBefore)
        #expect(try SQLiteMigrator(migrations: SQLiteMigration.all).migrate(SQLiteDatabase(path: path, create: false, busyTimeout: .seconds(1)), path: path, now: 0).isEmpty)
    }

    @Test func upgradesFromThePreviousVersion() async throws {
        let path = folder.path()
        let community = f.community()
        do {
            let store = try SQLiteCommunityStore(path: path, configuration: .init(), migrations: SQLiteMigration.all)
            try await store.write { try await $0.insert(community) }
        }
        let next = SQLiteMigration(
            version: SQLiteMigration.all.count + 1, summary: "test step",
            sql: "CREATE TABLE test_step (id INTEGER PRIMARY KEY); INSERT INTO test_step VALUES (42);")
        let store = try SQLiteCommunityStore(path: path, configuration: .init(), migrations: SQLiteMigration.all + [next])
        #expect(try await store.read { try await $0.community(community.id) } == community)
        #expect(try rawQuery(path, "SELECT id FROM test_step") == [["42"]])
        #expect(try rawQuery(path, "SELECT max(version) FROM schema_version") == [[String(next.version)]])
    }

    @Test func aFailingMigrationChangesNothing() throws {
        let path = folder.path()
        _ = try SQLiteCommunityStore(path: path)
        let broken = SQLiteMigration(
            version: SQLiteMigration.all.count + 1, summary: "broken",
            sql: "CREATE TABLE half_done (id INTEGER); INSERT INTO no_such_table VALUES (1);")
        #expect(throws: CommunityError.self) {
            _ = try SQLiteCommunityStore(path: path, configuration: .init(), migrations: SQLiteMigration.all + [broken])
        }
        #expect(try rawQuery(path, "SELECT count(*) FROM sqlite_master WHERE name = 'half_done'") == [["0"]])
        #expect(try rawQuery(path, "SELECT max(version) FROM schema_version") == [[String(SQLiteMigration.all.count)]])
    }

    @Test func refusesANewerDatabaseWithoutTouchingIt() throws {
        let path = folder.path()
        do { _ = try SQLiteCommunityStore(path: path) }
        try rawExecute(path, "INSERT INTO schema_version (version, summary, applied_at) VALUES (999, 'from the future', 0)")
        try rawExecute(path, "PRAGMA wal_checkpoint(TRUNCATE)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            _ = try SQLiteCommunityStore(path: path)
            Issue.record("expected incompatibleSchema")
        } catch let error as CommunityError {
            #expect(error.code == .incompatibleSchema)
            #expect(error.message.contains("999"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        #expect(try rawQuery(path, "SELECT max(version) FROM schema_version") == [["999"]])
    }

    @Test func migrationVersionsAreContiguous() {
        #expect(SQLiteMigration.all.map(\.version) == Array(1...SQLiteMigration.all.count))
    }
}
