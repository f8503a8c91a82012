import CommunityCore

/// One step of the schema: applied once, in a transaction, and recorded in `schema_version`.
struct SQLiteMigration: Sendable {
    /// The version the database has after this step (1, 2, …, without gaps).
    let version: Int
    /// What the step does, for the record.
    let summary: String
    /// The statements of the step.
    let sql: String
}

extension SQLiteMigration {
    /// Every migration this release knows, oldest first. Append only: never edit a shipped step.
    ///
    /// Identifiers are 16-byte big-endian BLOBs (`memcmp` order is identifier order); instants
    /// are REAL seconds since 2001-01-01T00:00:00Z (Foundation's reference date, so a `Date`
    /// round-trips bit for bit); small nested values are JSON text.
    static let all: [SQLiteMigration] = [
        SQLiteMigration(version: 1, summary: "communities, members, directory, spaces, memberships, invitations, join requests, activities", sql: """
            CREATE TABLE communities (
                id BLOB NOT NULL PRIMARY KEY,
                slug TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                description TEXT NOT NULL,
                branding TEXT NOT NULL,
                settings TEXT NOT NULL,
                created_at REAL NOT NULL
            ) WITHOUT ROWID;

            CREATE TABLE members (
                id BLOB NOT NULL PRIMARY KEY,
                community_id BLOB NOT NULL REFERENCES communities(id),
                handle TEXT NOT NULL,
                display_name TEXT NOT NULL,
                bio TEXT NOT NULL,
                avatar_url TEXT,
                interests TEXT NOT NULL,
                role TEXT NOT NULL,
                status TEXT NOT NULL,
                status_until REAL,
                status_reason TEXT,
                joined_at REAL NOT NULL,
                is_bot INTEGER NOT NULL,
                UNIQUE (community_id, handle)
            ) WITHOUT ROWID;
            CREATE INDEX members_by_community ON members(community_id, id);
            CREATE INDEX members_by_role ON members(community_id, role);

            CREATE TABLE member_tokens (
                community_id BLOB NOT NULL,
                token TEXT NOT NULL,
                member_id BLOB NOT NULL REFERENCES members(id) ON DELETE CASCADE,
                PRIMARY KEY (community_id, token, member_id)
            ) WITHOUT ROWID;
            CREATE INDEX member_tokens_by_member ON member_tokens(member_id);

            CREATE TABLE spaces (
                id BLOB NOT NULL PRIMARY KEY,
                community_id BLOB NOT NULL REFERENCES communities(id),
                slug TEXT NOT NULL,
                name TEXT NOT NULL,
                description TEXT NOT NULL,
                kind TEXT NOT NULL,
                visibility TEXT NOT NULL,
                tags TEXT NOT NULL,
                created_at REAL NOT NULL,
                UNIQUE (community_id, slug)
            ) WITHOUT ROWID;
            CREATE INDEX spaces_by_community ON spaces(community_id, id);

            CREATE TABLE memberships (
                space_id BLOB NOT NULL REFERENCES spaces(id),
                member_id BLOB NOT NULL REFERENCES members(id) ON DELETE CASCADE,
                community_id BLOB NOT NULL,
                role_override TEXT,
                joined_at REAL NOT NULL,
                PRIMARY KEY (space_id, member_id)
            ) WITHOUT ROWID;
            CREATE INDEX memberships_by_member ON memberships(member_id, space_id);

            CREATE TABLE invitations (
                id BLOB NOT NULL PRIMARY KEY,
                community_id BLOB NOT NULL,
                space_id BLOB,
                token TEXT NOT NULL UNIQUE,
                role TEXT NOT NULL,
                invited_by TEXT NOT NULL,
                created_at REAL NOT NULL,
                expires_at REAL NOT NULL,
                redeemed_by BLOB
            ) WITHOUT ROWID;

            CREATE TABLE join_requests (
                id BLOB NOT NULL PRIMARY KEY,
                community_id BLOB NOT NULL,
                space_id BLOB NOT NULL,
                member_id BLOB NOT NULL,
                message TEXT NOT NULL,
                state TEXT NOT NULL,
                created_at REAL NOT NULL,
                decided_by TEXT,
                decided_at REAL
            ) WITHOUT ROWID;
            CREATE INDEX join_requests_by_space ON join_requests(space_id, state, id);
            CREATE INDEX join_requests_by_member ON join_requests(member_id);
            CREATE UNIQUE INDEX join_requests_pending ON join_requests(space_id, member_id) WHERE state = 'pending';

            CREATE TABLE activities (
                sequence INTEGER PRIMARY KEY,
                id BLOB NOT NULL,
                community_id BLOB NOT NULL,
                actor TEXT NOT NULL,
                verb TEXT NOT NULL,
                subject_kind TEXT NOT NULL,
                subject_id TEXT NOT NULL,
                space_id BLOB,
                occurred_at REAL NOT NULL,
                payload TEXT NOT NULL
            );
            CREATE INDEX activities_by_community ON activities(community_id, sequence);
            CREATE INDEX activities_by_space ON activities(space_id, sequence) WHERE space_id IS NOT NULL;
            """),
    ]
}

/// Applies migrations on open: reads the version, refuses a newer database without writing to
/// it, and applies the missing steps in one `BEGIN IMMEDIATE` transaction.
struct SQLiteMigrator {
    let migrations: [SQLiteMigration]

    /// The version this code brings a database to.
    var latestVersion: Int { migrations.last?.version ?? 0 }

    /// The database's version: 0 for an empty database. Reads only.
    static func version(of database: SQLiteDatabase) throws -> Int {
        let hasTable = try database.queryFirst(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
        ) { $0.int64(0) } ?? 0
        guard hasTable > 0 else { return 0 }
        return Int(try database.queryFirst("SELECT coalesce(max(version), 0) FROM schema_version") { $0.int64(0) } ?? 0)
    }

    /// Throws `incompatibleSchema` if the database is newer than this code. Reads only.
    func checkCompatible(_ database: SQLiteDatabase, path: String) throws {
        let version = try Self.version(of: database)
        guard version <= latestVersion else {
            throw CommunityError(
                .incompatibleSchema,
                "the database at '\(path)' has schema version \(version), newer than the \(latestVersion) this "
                    + "version of CommunityKit knows; open it with a newer CommunityKit (the file was not modified)")
        }
    }

    /// Brings the database to ``latestVersion``; does nothing when it is already there.
    /// - Returns: The versions applied.
    @discardableResult
    func migrate(_ database: SQLiteDatabase, path: String, now: Double) throws -> [Int] {
        try database.executeScript("BEGIN IMMEDIATE")
        do {
            try database.executeScript("""
                CREATE TABLE IF NOT EXISTS schema_version (
                    version INTEGER NOT NULL PRIMARY KEY,
                    summary TEXT NOT NULL,
                    applied_at REAL NOT NULL
                )
                """)
            try checkCompatible(database, path: path)  // another process may have migrated meanwhile
            let current = try Self.version(of: database)
            var applied: [Int] = []
            for migration in migrations where migration.version > current {
                try database.executeScript(migration.sql)
                try database.execute(
                    "INSERT INTO schema_version (version, summary, applied_at) VALUES (?, ?, ?)",
                    [.integer(Int64(migration.version)), .text(migration.summary), .real(now)])
                applied.append(migration.version)
            }
            try database.executeScript("COMMIT")
            return applied
        } catch {
            try? database.executeScript("ROLLBACK")
            throw error
        }
    }
}
