#if Postgres
import CommunityCore
import Foundation
import PostgresNIO

/// Applies migrations in one transaction under a transaction-level advisory lock: creates the
/// schema and the `unaccent` extension if needed, refuses a schema newer than this code without
/// changing it, and applies the missing steps. Idempotent: a second run changes nothing.
struct PostgresMigrator {
    let migrations: [PostgresMigration]
    let schema: String

    /// The version this code brings a schema to.
    var latestVersion: Int { migrations.last?.version ?? 0 }

    /// Brings the schema to ``latestVersion``.
    /// - Returns: The versions applied.
    @discardableResult
    func migrate(_ connection: PostgresConnection) async throws -> [Int] {
        try await PostgresCommunityStore.execute(connection, "BEGIN")
        do {
            let applied = try await migrateInTransaction(connection)
            try await PostgresCommunityStore.execute(connection, "COMMIT")
            return applied
        } catch {
            await PostgresCommunityStore.rollback(connection)
            throw error
        }
    }

    private func migrateInTransaction(_ connection: PostgresConnection) async throws -> [Int] {
        try await PostgresCommunityStore.execute(connection, "SELECT pg_advisory_xact_lock(\(PostgresCommunityStore.migrationLockKey))")
        let current = try await version(connection)
        guard current <= latestVersion else {
            throw CommunityError(
                .incompatibleSchema,
                "the PostgreSQL schema '\(schema)' has version \(current), newer than the \(latestVersion) this version of "
                    + "CommunityKit knows; use a newer CommunityKit (the schema was not modified)")
        }
        guard current < latestVersion else { return [] }
        try await PostgresCommunityStore.execute(connection, "CREATE SCHEMA IF NOT EXISTS \"\(schema)\"")
        try await PostgresCommunityStore.execute(connection, "SET LOCAL search_path TO \"\(schema)\", public")
        try await PostgresCommunityStore.execute(connection, "CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public")
        let extensionSchema = try await PostgresFailure.rows(
            connection, "SELECT n.nspname::text FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'unaccent'"
        ).first.map { try $0.decode(String.self) } ?? "public"
        try await PostgresCommunityStore.execute(connection, """
            CREATE TABLE IF NOT EXISTS "\(schema)".schema_version (
                version integer PRIMARY KEY, summary text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
            """)
        var applied: [Int] = []
        for migration in migrations where migration.version > current {
            for statement in migration.statements(unaccentSchema: extensionSchema) { try await PostgresCommunityStore.execute(connection, statement) }
            _ = try await PostgresFailure.rows(
                connection, "INSERT INTO schema_version (version, summary) VALUES (\(migration.version), \(migration.summary))")
            applied.append(migration.version)
        }
        return applied
    }

    /// The schema's version: 0 when it has no `schema_version` table. Reads only.
    func version(_ connection: PostgresConnection) async throws -> Int {
        let table = "\"\(schema)\".schema_version"
        let exists = try await PostgresFailure.rows(connection, "SELECT to_regclass(\(table)) IS NOT NULL").first.map { try $0.decode(Bool.self) } ?? false
        guard exists else { return 0 }
        let rows = try await PostgresFailure.rows(connection, PostgresQuery(unsafeSQL: "SELECT coalesce(max(version), 0)::bigint FROM \(table)"))
        return Int(try rows.first.map { try $0.decode(Int64.self) } ?? 0)
    }
}
#endif
