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
        #expect(tables.isSuperset(of: Self.discussionTables))
        #expect(tables.isSuperset(of: Self.eventTables))
        let indexes = Set(try rawQuery(path, "SELECT name FROM sqlite_master WHERE type = 'index'").map { $0[0] })
        #expect(indexes.isSuperset(of: ["events_by_community", "event_rsvps_by_response", "event_rsvps_waitlist"]))
        let search = try rawQuery(path, "SELECT sql FROM sqlite_master WHERE name = 'post_search'")
        #expect(search.first?.first?.contains("fts5") == true)
        #expect(search.first?.first?.contains("tokenize = 'unicode61 remove_diacritics 2'") == true)
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

    static let discussionTables: Set<String> = [
        "community_discussion_settings", "space_discussion_settings", "threads", "posts", "post_revisions", "reactions",
        "read_markers", "space_read_marks", "follows", "inbox_items", "flags", "post_search",
    ]

    /// A database written by the version-1 schema (core records only) opens, gains the discussion
    /// tables in one step, keeps its data, and then stores and finds discussions.
    @Test func upgradesAVersion1DatabaseToDiscussions() async throws {
        let path = folder.path()
        let community = f.community()
        let space = f.space(community.id, slug: "general")
        let member = f.member(community.id, handle: "ada")
        let version1 = SQLiteMigration.all.filter { $0.version == 1 }
        do {
            let store = try SQLiteCommunityStore(path: path, configuration: .init(), migrations: version1)
            try await store.write { tx in
                try await tx.insert(community)
                try await tx.insert(space)
                try await tx.insert(member)
            }
        }
        #expect(try rawQuery(path, "SELECT max(version) FROM schema_version") == [["1"]])
        #expect(try rawQuery(path, "SELECT count(*) FROM sqlite_master WHERE name = 'threads'") == [["0"]])

        let store = try SQLiteCommunityStore(path: path)
        #expect(try rawQuery(path, "SELECT version FROM schema_version ORDER BY version") == SQLiteMigration.all.map { [String($0.version)] })
        let tables = Set(try rawQuery(path, "SELECT name FROM sqlite_master WHERE type = 'table'").map { $0[0] })
        #expect(tables.isSuperset(of: Self.discussionTables))
        #expect(try await store.read { try await $0.member(member.id, in: community.id) } == member)

        let thread = f.thread(space, author: member.id, title: "Un événement")
        let post = f.post(thread, number: 1, author: member.id, body: "à Paris")
        try await store.write { tx in
            let discussions = try #require(tx as? any DiscussionWriteTransaction)
            try await discussions.insert(thread)
            try await discussions.insert(post)
        }
        let query = try SearchQuery("evenement pari")
        let hits = try await store.read { tx in
            try await #require(tx as? any DiscussionReadTransaction).search(in: community.id, query: query, spaces: [space.id], offset: 0, limit: 5)
        }
        #expect(hits.map(\.postID) == [post.id])
        #expect(try SQLiteMigrator(migrations: SQLiteMigration.all).migrate(SQLiteDatabase(path: path, create: false, busyTimeout: .seconds(1)), path: path, now: 0).isEmpty)
    }

    static let eventTables: Set<String> = [
        "events", "event_rsvps", "occurrence_seats", "reminder_receipts", "occurrence_live_states", "attendance_sessions", "live_questions",
        "live_question_upvotes", "polls", "poll_choices", "occurrence_overrides",
    ]

    /// A database written by the version-2 schema (core and discussions) opens, gains the event
    /// tables in one step, keeps its data, and then stores events, RSVPs and seat counters.
    @Test func upgradesAVersion2DatabaseToEvents() async throws {
        let path = folder.path()
        let community = f.community()
        let space = f.space(community.id, slug: "general")
        let member = f.member(community.id, handle: "ada")
        let thread = f.thread(space, author: member.id, title: "Avant les événements")
        let version2 = SQLiteMigration.all.filter { $0.version <= 2 }
        do {
            let store = try SQLiteCommunityStore(path: path, configuration: .init(), migrations: version2)
            try await store.write { tx in
                try await tx.insert(community)
                try await tx.insert(space)
                try await tx.insert(member)
            }
        }
        // The thread as the version-2 schema stored it: its columns, without the compact record.
        let legacy = try SQLiteDatabase(path: path, create: false, busyTimeout: .seconds(1))
        let columns = SQLiteRecords.threadColumns.split(separator: ",").dropLast().joined(separator: ",")
        try legacy.execute(
            "INSERT INTO threads (\(columns)) VALUES (\(SQLiteRecords.placeholders(SQLiteRecords.threadColumnCount - 1)))",
            Array(try SQLiteRecords.values(thread).dropLast()))
        #expect(try rawQuery(path, "SELECT max(version) FROM schema_version") == [["2"]])
        let present = Set(try rawQuery(path, "SELECT name FROM sqlite_master WHERE type = 'table'").map { $0[0] })
        #expect(present.isDisjoint(with: Self.eventTables))

        let store = try SQLiteCommunityStore(path: path)
        #expect(try rawQuery(path, "SELECT version FROM schema_version ORDER BY version") == SQLiteMigration.all.map { [String($0.version)] })
        let tables = Set(try rawQuery(path, "SELECT name FROM sqlite_master WHERE type = 'table'").map { $0[0] })
        #expect(tables.isSuperset(of: Self.eventTables))
        #expect(try await store.read { try await $0.member(member.id, in: community.id) } == member)
        #expect(try await store.read { try await #require($0 as? any DiscussionReadTransaction).thread(thread.id, in: community.id) } == thread)

        let event = CommunityEvent(
            id: f.id(), communityID: community.id, spaceID: space.id, title: "Swift à Paris", hosts: [member.id], format: .meetup,
            location: .hybrid(address: "1 rue de Rivoli", joinURL: URL(string: "https://example.com/live")), start: "2026-03-03T18:00:00",
            timeZoneIdentifier: "Europe/Paris", duration: 5400, recurrenceRule: "FREQ=WEEKLY;BYDAY=TU", capacity: 10,
            createdBy: .member(member.id), createdAt: f.epoch)
        let rsvp = EventRSVP(eventID: event.id, communityID: community.id, occurrence: event.start, memberID: member.id, response: .going,
                             seat: .confirmed, respondedAt: f.epoch, updatedAt: f.epoch)
        let seats = OccurrenceSeats(eventID: event.id, occurrence: event.start, confirmed: 1)
        try await store.write { tx in
            let events = try #require(tx as? any EventWriteTransaction)
            try await events.insert(event)
            try await events.upsert(rsvp)
            try await events.upsert(seats)
        }
        try await store.read { tx in
            let events = try #require(tx as? any EventReadTransaction)
            #expect(try await events.event(event.id, in: community.id) == event)
            #expect(try await events.rsvp(to: event.id, occurrence: event.start, of: member.id) == rsvp)
            #expect(try await events.seats(of: event.id, occurrence: event.start) == seats)
        }
        #expect(try SQLiteMigrator(migrations: SQLiteMigration.all).migrate(SQLiteDatabase(path: path, create: false, busyTimeout: .seconds(1)), path: path, now: 0).isEmpty)
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
