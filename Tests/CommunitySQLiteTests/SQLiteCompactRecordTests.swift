import CommunityCore
@testable import CommunitySQLite
import CommunityTesting
import Foundation
import Testing

/// Threads and posts are read from their compact record (schema version 5): every field
/// combination round-trips exactly, a damaged record is a storage error (never a trap), and a
/// version-4 database gains the records of the rows it already has.
@Suite struct SQLiteCompactRecordTests {
    let folder: TemporaryFolder
    let f = Fixtures()

    init() throws { folder = try TemporaryFolder() }

    static let texts = ["", "A thread", "Un événement à Paris", "Un évènement", "é", "è", "日本語のタイトル", "emoji 🧑‍💻 and \"quotes\"\n\\", String(repeating: "long ", count: 100)]

    func randomThread(_ space: Space, authors: [MemberID], _ rng: inout SplitMix64) -> DiscussionThread {
        let kind = DiscussionThread.Kind.allCases.randomElement(using: &rng) ?? .discussion
        var thread = DiscussionThread(
            id: f.id(), communityID: space.communityID, spaceID: space.id, authorID: authors.randomElement(using: &rng) ?? authors[0],
            authorIsStaff: Bool.random(using: &rng), kind: kind, title: Self.texts.randomElement(using: &rng) ?? "",
            tags: Array(["swift", "événements", "", "tag-3"].shuffled(using: &rng).prefix(Int.random(in: 0...4, using: &rng))),
            firstPostID: f.id(), createdAt: f.epoch.addingTimeInterval(Double.random(in: -1e9...1e9, using: &rng)))
        thread.lastActivityAt = thread.createdAt.addingTimeInterval(Double.random(in: 0...1e6, using: &rng))
        thread.lastPostNumber = Int.random(in: 1...Int(Int32.max), using: &rng)
        thread.postCount = Int.random(in: 0...1_000_000, using: &rng)
        thread.reactionCount = Int.random(in: 0...1_000, using: &rng)
        thread.replyCount = Int.random(in: 0...1_000, using: &rng)
        thread.pinOrder = Bool.random(using: &rng) ? Int.random(in: Int.min...Int.max, using: &rng) : nil
        thread.isLocked = Bool.random(using: &rng)
        thread.isClosed = Bool.random(using: &rng)
        thread.deletedAt = Bool.random(using: &rng) ? f.epoch.addingTimeInterval(0.000_001) : nil
        if Bool.random(using: &rng) {
            thread.acceptedAnswer = AcceptedAnswer(
                postID: f.id(), authorID: authors[0], byStaff: Bool.random(using: &rng),
                acceptedBy: Bool.random(using: &rng) ? .member(authors[1]) : .system("importer é"), acceptedAt: f.epoch)
        }
        return thread
    }

    /// An excerpt that shares all, some, or none of the body's first bytes, or diverges inside
    /// a character (`é` and `è` share their first UTF-8 byte).
    static func excerpt(of body: String, _ rng: inout SplitMix64) -> String {
        let prefix = String(body.prefix(Int.random(in: 0...200, using: &rng)))
        switch rng.next() % 5 {
        case 0: return prefix
        case 1: return prefix + "…"
        case 2: return texts.randomElement(using: &rng) ?? ""
        case 3: return prefix + "è"
        default: return "Un événement"
        }
    }

    func randomPost(_ thread: DiscussionThread, number: Int, authors: [MemberID], _ rng: inout SplitMix64) -> Post {
        let body = Self.texts.randomElement(using: &rng) ?? ""
        var post = Post(
            id: number == 1 ? thread.firstPostID : f.id(), communityID: thread.communityID, spaceID: thread.spaceID, threadID: thread.id,
            number: number, authorID: Bool.random(using: &rng) ? authors.randomElement(using: &rng) : nil,
            authorIsStaff: Bool.random(using: &rng), body: body, excerpt: Self.excerpt(of: body, &rng),
            mentions: Array(authors.shuffled(using: &rng).prefix(Int.random(in: 0...3, using: &rng))),
            tags: Array(["swift", "à-paris"].prefix(Int.random(in: 0...2, using: &rng))),
            links: Bool.random(using: &rng) ? ["https://example.com/a?b=c"] : [],
            inReplyTo: Bool.random(using: &rng) ? f.id() : nil, createdAt: f.epoch.addingTimeInterval(Double(number)))
        if Bool.random(using: &rng) { post.editedAt = f.epoch.addingTimeInterval(7.25) }
        if Bool.random(using: &rng) { post.deletedAt = f.epoch.addingTimeInterval(9) }
        if Bool.random(using: &rng) { post.deletedBy = Bool.random(using: &rng) ? .member(authors[2]) : .system("moderation") }
        if Bool.random(using: &rng) { post.hiddenAt = f.epoch.addingTimeInterval(11) }
        if Bool.random(using: &rng) { post.reactionCounts = ["👍": Int.random(in: 1...50, using: &rng), "🎉": 1, "❤️": 0] }
        return post
    }

    /// 60 random threads with 3 random posts each, covering every optional field and flag.
    func randomDiscussions(_ world: DiscussionWorld, seed: UInt64) -> ([DiscussionThread], [Post]) {
        var rng = SplitMix64(seed: seed)
        let authors = world.members.map(\.id)
        var threads: [DiscussionThread] = []
        var posts: [Post] = []
        for _ in 0..<60 {
            let thread = randomThread(world.space, authors: authors, &rng)
            threads.append(thread)
            posts += (1...3).map { randomPost(thread, number: $0, authors: authors, &rng) }
        }
        return (threads, posts)
    }

    func storeRandomDiscussions(in store: SQLiteCommunityStore, seed: UInt64) async throws -> (DiscussionWorld, [DiscussionThread], [Post]) {
        let world = DiscussionWorld(f)
        try await world.store(in: store)
        let (threads, posts) = randomDiscussions(world, seed: seed)
        try await store.write { tx in
            let discussions = try #require(tx as? any DiscussionWriteTransaction)
            for thread in threads { try await discussions.insert(thread) }
            for post in posts { try await discussions.insert(post) }
        }
        return (world, threads, posts)
    }

    func expectStored(_ threads: [DiscussionThread], _ posts: [Post], in store: SQLiteCommunityStore, community: CommunityID) async throws {
        try await store.read { tx in
            let discussions = try #require(tx as? any DiscussionReadTransaction)
            for thread in threads { #expect(try await discussions.thread(thread.id, in: community) == thread) }
            for post in posts { #expect(try await discussions.post(post.id, in: community) == post) }
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func everyFieldRoundTrips(seed: UInt64) async throws {
        let store = try SQLiteCommunityStore(path: folder.path())
        let (world, threads, posts) = try await storeRandomDiscussions(in: store, seed: seed)
        try await expectStored(threads, posts, in: store, community: world.community.id)
        // Updates rewrite the record with the columns.
        var changed = threads[0]
        changed.title = "Retitled ✓"
        changed.pinOrder = -3
        changed.acceptedAnswer = nil
        var edited = posts[1]
        edited.reactionCounts = [:]
        edited.editedAt = nil
        try await store.write { tx in
            let discussions = try #require(tx as? any DiscussionWriteTransaction)
            try await discussions.update(changed)
            try await discussions.update(edited)
        }
        try await expectStored([changed], [edited], in: store, community: world.community.id)
    }

    /// Every proper prefix of a stored record, and the record with a byte too many, read as a
    /// storage error; so do an unknown format and unknown flags.
    @Test func aDamagedRecordIsAStorageError() async throws {
        let path = folder.path()
        let store = try SQLiteCommunityStore(path: path)
        let (world, threads, posts) = try await storeRandomDiscussions(in: store, seed: 7)
        let thread = threads[0], post = posts[0]
        let threadRecord = try #require(SQLiteRecords.record(thread).bytes)
        let postRecord = try #require(SQLiteRecords.record(post).bytes)
        var damaged: [(table: String, id: SQLiteValue, bytes: [UInt8])] = []
        for cut in 0..<threadRecord.count { damaged.append(("threads", .id(thread.id), Array(threadRecord.prefix(cut)))) }
        for cut in 0..<postRecord.count { damaged.append(("posts", .id(post.id), Array(postRecord.prefix(cut)))) }
        damaged.append(("threads", .id(thread.id), threadRecord + [0]))
        damaged.append(("threads", .id(thread.id), [2] + threadRecord.dropFirst()))
        var badFlags = threadRecord
        badFlags[1 + 5 * 16 + 1] |= 0x80
        damaged.append(("threads", .id(thread.id), badFlags))
        let raw = try SQLiteDatabase(path: path, create: false, busyTimeout: .seconds(5))
        let original: [String: SQLiteValue] = ["threads": .blob(threadRecord), "posts": .blob(postRecord)]
        for entry in damaged {
            try raw.execute("UPDATE \(entry.table) SET record = ? WHERE id = ?", [.blob(entry.bytes), entry.id])
            let error = await #expect(throws: CommunityError.self) {
                try await store.read { tx in
                    let discussions = try #require(tx as? any DiscussionReadTransaction)
                    if entry.table == "threads" {
                        _ = try await discussions.thread(thread.id, in: world.community.id)
                    } else {
                        _ = try await discussions.post(post.id, in: world.community.id)
                    }
                }
            }
            #expect(error?.code == .storage)
            try raw.execute("UPDATE \(entry.table) SET record = ? WHERE id = ?", [original[entry.table] ?? .null, entry.id])
        }
        try await expectStored([thread], [post], in: store, community: world.community.id)
    }

    /// A database at schema version 4 (threads and posts as that schema stored them, in columns)
    /// opens at version 5 with every row's record written from its columns, and the post columns
    /// that moved into the record gone.
    @Test func aVersion4DatabaseGainsTheRecords() async throws {
        let path = folder.path()
        let world = DiscussionWorld(f)
        do {
            let store = try SQLiteCommunityStore(path: path, configuration: .init(), migrations: SQLiteMigration.all.filter { $0.version <= 4 })
            try await world.store(in: store)
        }
        let (threads, posts) = randomDiscussions(world, seed: 11)
        let legacy = try SQLiteDatabase(path: path, create: false, busyTimeout: .seconds(1))
        let threadColumns = SQLiteRecords.threadColumns.split(separator: ",").dropLast().joined(separator: ",")
        for thread in threads {
            try legacy.execute(
                "INSERT INTO threads (\(threadColumns)) VALUES (\(SQLiteRecords.placeholders(SQLiteRecords.threadColumnCount - 1)))",
                Array(try SQLiteRecords.values(thread).dropLast()))
        }
        for post in posts {
            try legacy.execute("INSERT INTO posts (\(SQLiteRecords.legacyPostColumns)) VALUES (\(SQLiteRecords.placeholders(19)))", try Self.legacyValues(post))
        }
        #expect(try rawQuery(path, "SELECT max(version) FROM schema_version") == [["4"]])

        let store = try SQLiteCommunityStore(path: path)
        #expect(try rawQuery(path, "SELECT max(version) FROM schema_version") == [[String(SQLiteMigration.all.count)]])
        #expect(try rawQuery(path, "SELECT count(*) FROM threads WHERE record IS NULL") == [["0"]])
        #expect(try rawQuery(path, "SELECT count(*) FROM posts WHERE record IS NULL") == [["0"]])
        #expect(try rawQuery(path, "SELECT group_concat(name, ' ') FROM pragma_table_info('posts')") == [[
            SQLiteRecords.postColumns.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "id community_id", with: "seq id community_id")
        ]])
        try await expectStored(threads, posts, in: store, community: world.community.id)
    }

    /// A post's values in ``SQLiteRecords/legacyPostColumns`` order, as schema versions 2–4 stored them.
    static func legacyValues(_ post: Post) throws -> [SQLiteValue] {
        [
            .id(post.id), .id(post.communityID), .id(post.spaceID), .id(post.threadID), .integer(Int64(post.number)),
            .optionalID(post.authorID), SQLiteRecords.bool(post.authorIsStaff), .text(post.body), .text(post.excerpt),
            try SQLiteRecords.json(post.mentions), try SQLiteRecords.json(post.tags), try SQLiteRecords.json(post.links),
            .optionalID(post.inReplyTo), SQLiteRecords.date(post.createdAt), SQLiteRecords.optionalDate(post.editedAt),
            SQLiteRecords.optionalDate(post.deletedAt), post.deletedBy.map(SQLiteRecords.principal) ?? .null,
            SQLiteRecords.optionalDate(post.hiddenAt), try SQLiteRecords.json(post.reactionCounts),
        ]
    }
}

extension SQLiteValue {
    /// The bytes of a `.blob`, else `nil`.
    var bytes: [UInt8]? {
        if case .blob(let bytes) = self { return bytes }
        return nil
    }
}
