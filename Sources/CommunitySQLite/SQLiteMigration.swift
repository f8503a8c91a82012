import CommunityCore

/// One step of the schema: applied once, in a transaction, and recorded in `schema_version`.
struct SQLiteMigration: Sendable {
    /// The version the database has after this step (1, 2, …, without gaps).
    let version: Int
    /// What the step does, for the record.
    let summary: String
    /// The statements of the step.
    let sql: String
    /// Work after the statements that SQL alone cannot do (records encoded in Swift), in the
    /// same transaction.
    let backfill: (@Sendable (SQLiteDatabase) throws -> Void)?
    /// Statements after the backfill (dropping what it read).
    let cleanup: String

    init(version: Int, summary: String, sql: String, backfill: (@Sendable (SQLiteDatabase) throws -> Void)? = nil, cleanup: String = "") {
        self.version = version
        self.summary = summary
        self.sql = sql
        self.backfill = backfill
        self.cleanup = cleanup
    }
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
        SQLiteMigration(version: 2, summary: "discussions: settings, threads, posts, revisions, reactions, read state, follows, inbox, flags, full-text search", sql: """
            CREATE TABLE community_discussion_settings (
                community_id BLOB NOT NULL PRIMARY KEY,
                allowed_reactions TEXT NOT NULL,
                auto_hide_flag_threshold INTEGER NOT NULL
            ) WITHOUT ROWID;

            CREATE TABLE space_discussion_settings (
                space_id BLOB NOT NULL PRIMARY KEY,
                replies_to_announcements INTEGER NOT NULL,
                slow_mode REAL
            ) WITHOUT ROWID;

            -- last_activity_ms, created_ms and reaction_count are the ThreadPosition keys of the
            -- listings (key descending, then id descending); deleted threads are never listed.
            CREATE TABLE threads (
                id BLOB NOT NULL PRIMARY KEY,
                community_id BLOB NOT NULL,
                space_id BLOB NOT NULL,
                author_id BLOB NOT NULL,
                author_is_staff INTEGER NOT NULL,
                kind TEXT NOT NULL,
                title TEXT NOT NULL,
                tags TEXT NOT NULL,
                first_post_id BLOB NOT NULL,
                created_at REAL NOT NULL,
                last_activity_at REAL NOT NULL,
                last_post_number INTEGER NOT NULL,
                post_count INTEGER NOT NULL,
                reaction_count INTEGER NOT NULL,
                reply_count INTEGER NOT NULL,
                pin_order INTEGER,
                is_locked INTEGER NOT NULL,
                is_closed INTEGER NOT NULL,
                deleted_at REAL,
                accepted_post_id BLOB,
                accepted_author_id BLOB,
                accepted_by_staff INTEGER,
                accepted_by TEXT,
                accepted_at REAL,
                last_activity_ms INTEGER NOT NULL,
                created_ms INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX threads_by_activity ON threads(space_id, last_activity_ms, id) WHERE deleted_at IS NULL;
            CREATE INDEX threads_by_creation ON threads(space_id, created_ms, id) WHERE deleted_at IS NULL;
            CREATE INDEX threads_by_reactions ON threads(space_id, reaction_count, id) WHERE deleted_at IS NULL;
            CREATE INDEX threads_unanswered ON threads(space_id, created_ms, id)
                WHERE deleted_at IS NULL AND kind = 'question' AND accepted_post_id IS NULL;
            CREATE INDEX threads_pinned ON threads(space_id, pin_order, id) WHERE pin_order IS NOT NULL AND deleted_at IS NULL;

            -- A rowid table: the rowid (seq) is the post's document id in post_search.
            CREATE TABLE posts (
                seq INTEGER PRIMARY KEY,
                id BLOB NOT NULL UNIQUE,
                community_id BLOB NOT NULL,
                space_id BLOB NOT NULL,
                thread_id BLOB NOT NULL,
                number INTEGER NOT NULL,
                author_id BLOB,
                author_is_staff INTEGER NOT NULL,
                body TEXT NOT NULL,
                excerpt TEXT NOT NULL,
                mentions TEXT NOT NULL,
                tags TEXT NOT NULL,
                links TEXT NOT NULL,
                in_reply_to BLOB,
                created_at REAL NOT NULL,
                edited_at REAL,
                deleted_at REAL,
                deleted_by TEXT,
                hidden_at REAL,
                reaction_counts TEXT NOT NULL,
                UNIQUE (thread_id, number)
            );
            CREATE INDEX posts_by_author ON posts(author_id, created_at) WHERE author_id IS NOT NULL;
            CREATE INDEX posts_by_author_in_space ON posts(author_id, space_id, created_at) WHERE author_id IS NOT NULL;

            CREATE TABLE post_revisions (
                seq INTEGER PRIMARY KEY,
                post_id BLOB NOT NULL,
                number INTEGER NOT NULL,
                previous_body TEXT NOT NULL,
                edited_by TEXT NOT NULL,
                edited_at REAL NOT NULL
            );
            CREATE INDEX post_revisions_by_post ON post_revisions(post_id, seq);

            CREATE TABLE reactions (
                post_id BLOB NOT NULL,
                member_id BLOB NOT NULL,
                emoji TEXT NOT NULL,
                created_at REAL NOT NULL,
                PRIMARY KEY (post_id, member_id, emoji)
            ) WITHOUT ROWID;

            CREATE TABLE read_markers (
                member_id BLOB NOT NULL,
                thread_id BLOB NOT NULL,
                last_read_number INTEGER NOT NULL,
                updated_at REAL NOT NULL,
                PRIMARY KEY (member_id, thread_id)
            ) WITHOUT ROWID;

            CREATE TABLE space_read_marks (
                member_id BLOB NOT NULL,
                space_id BLOB NOT NULL,
                read_up_to REAL NOT NULL,
                PRIMARY KEY (member_id, space_id)
            ) WITHOUT ROWID;

            -- target_kind is 'thread' or 'space'.
            CREATE TABLE follows (
                target_kind TEXT NOT NULL,
                target_id BLOB NOT NULL,
                member_id BLOB NOT NULL,
                PRIMARY KEY (target_kind, target_id, member_id)
            ) WITHOUT ROWID;

            CREATE TABLE inbox_items (
                id BLOB NOT NULL PRIMARY KEY,
                community_id BLOB NOT NULL,
                member_id BLOB NOT NULL,
                kind TEXT NOT NULL,
                actor TEXT NOT NULL,
                thread_id BLOB,
                post_id BLOB,
                summary TEXT NOT NULL,
                created_at REAL NOT NULL,
                read_at REAL
            ) WITHOUT ROWID;
            CREATE INDEX inbox_by_member ON inbox_items(member_id, id);
            -- read_at (always NULL here) lets SQLite count unread items from the index alone.
            CREATE INDEX inbox_unread ON inbox_items(member_id, id, read_at) WHERE read_at IS NULL;

            CREATE TABLE flags (
                id BLOB NOT NULL PRIMARY KEY,
                community_id BLOB NOT NULL,
                space_id BLOB NOT NULL,
                post_id BLOB NOT NULL,
                reporter_id BLOB NOT NULL,
                reason TEXT NOT NULL,
                note TEXT NOT NULL,
                created_at REAL NOT NULL,
                resolution TEXT,
                resolved_by TEXT,
                resolved_at REAL
            ) WITHOUT ROWID;
            CREATE INDEX flags_by_post ON flags(post_id, id);
            CREATE INDEX flags_open ON flags(community_id, id) WHERE resolution IS NULL;

            -- One document per live post (rowid = posts.seq): the SearchText tokens of its body,
            -- preceded by the thread title for the first post. Deleted and hidden posts have none.
            CREATE VIRTUAL TABLE post_search USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');
            """),
        SQLiteMigration(version: 3, summary: "events: events, RSVPs, occurrence seat counters, reminder receipts, live sessions, occurrence overrides", sql: """
            -- location_kind is 'online', 'inPerson' or 'hybrid'; hosts, recurrence_dates,
            -- exception_dates and reminder_offsets are JSON arrays; created_by a stored principal.
            CREATE TABLE events (
                id BLOB NOT NULL PRIMARY KEY,
                community_id BLOB NOT NULL REFERENCES communities(id),
                space_id BLOB,
                title TEXT NOT NULL,
                description TEXT NOT NULL,
                hosts TEXT NOT NULL,
                format TEXT NOT NULL,
                location_kind TEXT NOT NULL,
                location_address TEXT,
                location_join_url TEXT,
                start TEXT NOT NULL,
                time_zone TEXT NOT NULL,
                duration REAL NOT NULL,
                recurrence_rule TEXT,
                recurrence_dates TEXT NOT NULL,
                exception_dates TEXT NOT NULL,
                capacity INTEGER,
                rsvp_deadline REAL,
                reminder_offsets TEXT NOT NULL,
                status TEXT NOT NULL,
                created_by TEXT NOT NULL,
                created_at REAL NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX events_by_community ON events(community_id, id);

            -- One answer per event, occurrence (its local start) and member.
            CREATE TABLE event_rsvps (
                event_id BLOB NOT NULL REFERENCES events(id),
                occurrence TEXT NOT NULL,
                member_id BLOB NOT NULL,
                community_id BLOB NOT NULL,
                response TEXT NOT NULL,
                seat TEXT NOT NULL,
                waitlist_number INTEGER,
                responded_at REAL NOT NULL,
                updated_at REAL NOT NULL,
                PRIMARY KEY (event_id, occurrence, member_id)
            ) WITHOUT ROWID;
            CREATE INDEX event_rsvps_by_response ON event_rsvps(event_id, occurrence, response, member_id);
            -- The waitlist in promotion order: waitlist number, then member id (as in memory).
            CREATE INDEX event_rsvps_waitlist ON event_rsvps(event_id, occurrence, waitlist_number, member_id)
                WHERE seat = 'waitlisted' AND waitlist_number IS NOT NULL;

            -- Seat counters per occurrence, kept by the scheduler (never a count of RSVPs).
            CREATE TABLE occurrence_seats (
                event_id BLOB NOT NULL,
                occurrence TEXT NOT NULL,
                confirmed INTEGER NOT NULL,
                waitlisted INTEGER NOT NULL,
                next_waitlist_number INTEGER NOT NULL,
                PRIMARY KEY (event_id, occurrence)
            ) WITHOUT ROWID;

            -- One receipt per reminder sent (offset in seconds before the start), so a restart never sends it twice.
            CREATE TABLE reminder_receipts (
                event_id BLOB NOT NULL,
                occurrence TEXT NOT NULL,
                member_id BLOB NOT NULL,
                offset_seconds REAL NOT NULL,
                sent_at REAL NOT NULL,
                PRIMARY KEY (event_id, occurrence, member_id, offset_seconds)
            ) WITHOUT ROWID;

            -- Live sessions: an occurrence's live state, attendance sessions, questions with one
            -- upvote per member, polls with one set of choices per member.
            CREATE TABLE occurrence_live_states (
                event_id BLOB NOT NULL,
                occurrence TEXT NOT NULL,
                started_at REAL,
                ended_at REAL,
                PRIMARY KEY (event_id, occurrence)
            ) WITHOUT ROWID;

            CREATE TABLE attendance_sessions (
                event_id BLOB NOT NULL,
                occurrence TEXT NOT NULL,
                member_id BLOB NOT NULL,
                number INTEGER NOT NULL,
                joined_at REAL NOT NULL,
                left_at REAL,
                PRIMARY KEY (event_id, occurrence, member_id, number)
            ) WITHOUT ROWID;

            CREATE TABLE live_questions (
                id BLOB NOT NULL PRIMARY KEY,
                community_id BLOB NOT NULL,
                event_id BLOB NOT NULL,
                occurrence TEXT NOT NULL,
                asked_by BLOB NOT NULL,
                text TEXT NOT NULL,
                votes INTEGER NOT NULL,
                answered_at REAL,
                created_at REAL NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX live_questions_by_occurrence ON live_questions(event_id, occurrence, id);

            CREATE TABLE live_question_upvotes (
                question_id BLOB NOT NULL,
                member_id BLOB NOT NULL,
                PRIMARY KEY (question_id, member_id)
            ) WITHOUT ROWID;

            -- options and counts are JSON arrays, in the same order.
            CREATE TABLE polls (
                id BLOB NOT NULL PRIMARY KEY,
                community_id BLOB NOT NULL,
                event_id BLOB NOT NULL,
                occurrence TEXT NOT NULL,
                question TEXT NOT NULL,
                options TEXT NOT NULL,
                multiple_choice INTEGER NOT NULL,
                counts TEXT NOT NULL,
                voters INTEGER NOT NULL,
                closed_at REAL,
                created_at REAL NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX polls_by_occurrence ON polls(event_id, occurrence, id);

            CREATE TABLE poll_choices (
                poll_id BLOB NOT NULL,
                member_id BLOB NOT NULL,
                choices TEXT NOT NULL,
                PRIMARY KEY (poll_id, member_id)
            ) WITHOUT ROWID;

            -- A cancelled or changed occurrence (RECURRENCE-ID semantics), keyed by its original local
            -- start. NULL columns keep the series' value; location_kind NULL keeps the series' place.
            CREATE TABLE occurrence_overrides (
                event_id BLOB NOT NULL,
                occurrence TEXT NOT NULL,
                community_id BLOB NOT NULL,
                is_cancelled INTEGER NOT NULL,
                start TEXT,
                duration REAL,
                title TEXT,
                description TEXT,
                location_kind TEXT,
                location_address TEXT,
                location_join_url TEXT,
                updated_at REAL NOT NULL,
                PRIMARY KEY (event_id, occurrence)
            ) WITHOUT ROWID;
            """),
        SQLiteMigration(version: 4, summary: "events: RSVP policy (members, members and guests, hosts only)", sql: """
            ALTER TABLE events ADD COLUMN rsvp_policy TEXT NOT NULL DEFAULT 'members';
            """),
        // The latest-activity index covers the default listing and the unread tally (every
        // column they read, `deleted_at` included so SQLite can tell): they never visit the
        // table. A reply moves `last_activity_ms`, so it rewrote this entry already. The post
        // columns no query reads live in the record alone, which keeps post rows short.
        SQLiteMigration(version: 5, summary: "discussions: a compact record per thread and per post, the one column reads decode", sql: """
            ALTER TABLE threads ADD COLUMN record BLOB;
            ALTER TABLE posts ADD COLUMN record BLOB;
            DROP INDEX threads_by_activity;
            CREATE INDEX threads_by_activity ON threads(space_id, last_activity_ms, id, last_activity_at, last_post_number, deleted_at, record)
                WHERE deleted_at IS NULL;
            """, backfill: SQLiteRecords.writeCompactRecords, cleanup: """
            ALTER TABLE posts DROP COLUMN author_is_staff;
            ALTER TABLE posts DROP COLUMN excerpt;
            ALTER TABLE posts DROP COLUMN mentions;
            ALTER TABLE posts DROP COLUMN tags;
            ALTER TABLE posts DROP COLUMN links;
            ALTER TABLE posts DROP COLUMN in_reply_to;
            ALTER TABLE posts DROP COLUMN edited_at;
            ALTER TABLE posts DROP COLUMN deleted_by;
            ALTER TABLE posts DROP COLUMN reaction_counts;
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
                try migration.backfill?(database)
                if !migration.cleanup.isEmpty { try database.executeScript(migration.cleanup) }
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
