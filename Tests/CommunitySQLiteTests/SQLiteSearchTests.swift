import CommunityCore
import CommunitySQLite
import Foundation
import Testing

/// Full-text search on FTS5: folding, prefix, ranking, filters and index maintenance. Result
/// sets are also compared with the in-memory reference (its BM25 statistics are per community
/// and FTS5's are per database, so scores are compared for order sanity only).
@Suite struct SQLiteSearchTests {
    let folder: TemporaryFolder
    let pair: ReferencePair
    let f = Fixtures()
    let world: DiscussionWorld

    init() async throws {
        folder = try TemporaryFolder()
        pair = try ReferencePair(folder)
        world = DiscussionWorld(f)
        for store in pair.stores { try await world.store(in: store) }
    }

    var community: CommunityID { world.community.id }
    var author: MemberID { world.members[0].id }
    var bothSpaces: Set<SpaceID> { [world.space.id, world.otherSpace.id] }

    /// Starts a thread (title + first post) and its replies; returns them.
    @discardableResult
    func start(_ title: String, _ body: String, replies: [String] = [], in space: Space? = nil) async throws -> (DiscussionThread, [Post]) {
        var thread = f.thread(space ?? world.space, author: author, title: title)
        var posts = [f.post(thread, number: 1, author: author, body: body)]
        for reply in replies { posts.append(f.post(thread, number: posts.count + 1, author: author, body: reply)) }
        thread.lastPostNumber = posts.count
        thread.postCount = posts.count
        try await pair.write { [thread, posts] tx in
            try await tx.insert(thread)
            for post in posts { try await tx.insert(post) }
        }
        return (thread, posts)
    }

    /// The hits on SQLite; expects the in-memory reference to find the same posts.
    func search(_ text: String, spaces: Set<SpaceID>? = nil, offset: Int = 0, limit: Int = 50,
                sourceLocation: SourceLocation = #_sourceLocation) async throws -> [SearchHit] {
        let query = try SearchQuery(text)
        let spaces = spaces ?? bothSpaces
        var results: [[SearchHit]] = []
        for store in pair.stores {
            results.append(try await store.read { tx in
                try await ReferencePair.discussions(tx).search(in: community, query: query, spaces: spaces, offset: 0, limit: 1000)
            })
        }
        #expect(Set(results[0].map(\.postID)) == Set(results[1].map(\.postID)), "SQLite and in-memory find different posts for '\(text)'",
                sourceLocation: sourceLocation)
        return try await pair.sqlite.read { tx in
            try await ReferencePair.discussions(tx).search(in: community, query: query, spaces: spaces, offset: offset, limit: limit)
        }
    }

    @Test func foldsCaseAndDiacriticsAndMatchesTheLastTermAsAPrefix() async throws {
        let (_, posts) = try await start("Agenda", "Un Événement à Paris, rue de la Straße")
        #expect(try await search("evenement").map(\.postID) == [posts[0].id])
        #expect(try await search("ÉVÉNEMENT").map(\.postID) == [posts[0].id])
        #expect(try await search("éven").map(\.postID) == [posts[0].id])
        #expect(try await search("paris even").map(\.postID) == [posts[0].id])
        #expect(try await search("strasse").map(\.postID) == [posts[0].id])
        #expect(try await search("agenda").map(\.postID) == [posts[0].id])  // the title is in the first post's document
        // Only the last term is a prefix; every term is required.
        #expect(try await search("even paris").isEmpty)
        #expect(try await search("evenement lyon").isEmpty)
        #expect(try await search("evenements").isEmpty)
    }

    @Test func userTextNeverReachesFTS5AsSyntax() async throws {
        let (_, posts) = try await start("Quotes", "say \"hello\" OR NEAR(world) to col:umn -minus ^caret and* or not")
        for text in ["\"hello", "hello\" OR \"x", "OR", "NEAR(world", "col:umn", "-minus", "^caret", "and*", "hello)", "'; DROP TABLE posts; --", "*"] {
            guard let query = try? SearchQuery(text) else { continue }  // e.g. "*" has no word: rejected before the store
            let hits = try await pair.sqlite.read { tx in
                try await ReferencePair.discussions(tx).search(in: community, query: query, spaces: bothSpaces, offset: 0, limit: 10)
            }
            #expect(hits.allSatisfy { $0.postID == posts[0].id }, "\(text)")
        }
        #expect(try await search("near world").map(\.postID) == [posts[0].id])
        #expect(try await search("or not").map(\.postID) == [posts[0].id])
    }

    @Test func ranksByBM25GreaterIsBetterThenPostIDDescending() async throws {
        let (_, dense) = try await start("Swift", "swift swift swift concurrency")
        let (_, sparse) = try await start("Notes", "a long note that mentions swift once among many other words about cooking and gardening")
        let (_, twinA) = try await start("Twin", "identical rocket text")
        let (_, twinB) = try await start("Twin", "identical rocket text")
        let hits = try await search("swift")
        #expect(hits.map(\.postID) == [dense[0].id, sparse[0].id])
        #expect(hits[0].score > hits[1].score)
        #expect(hits.allSatisfy { $0.score > 0 })
        let twins = try await search("rocket")
        #expect(twins.map(\.postID) == [twinB[0].id, twinA[0].id])
        #expect(twins[0].score == twins[1].score)
        #expect(hits[0].threadID == dense[0].threadID && hits[0].spaceID == world.space.id)
    }

    @Test func pagesByOffsetAndLimit() async throws {
        for index in 0..<7 { try await start("Page \(index)", "paging words number \(index)") }
        let all = try await search("paging")
        #expect(all.count == 7)
        var paged: [SearchHit] = []
        for offset in stride(from: 0, to: 9, by: 3) { paged += try await search("paging", offset: offset, limit: 3) }
        #expect(paged == all)
        #expect(try await search("paging", offset: 7, limit: 3).isEmpty)
        #expect(try await search("paging", offset: 0, limit: 0).isEmpty)
        #expect(try await search("paging", offset: -1, limit: 3).isEmpty)
    }

    @Test func keepsToTheGivenSpacesAndCommunity() async throws {
        let (_, here) = try await start("Here", "shared keyword")
        let (_, there) = try await start("There", "shared keyword", in: world.otherSpace)
        let stranger = f.community(slug: "stranger")
        let strangerSpace = f.space(stranger.id, slug: "general")
        let strangerThread = f.thread(strangerSpace, author: author, title: "Foreign")
        try await pair.write { tx in
            try await tx.insert(stranger)
            try await tx.insert(strangerSpace)
            try await tx.insert(strangerThread)
            try await tx.insert(f.post(strangerThread, number: 1, author: author, body: "shared keyword"))
        }
        #expect(Set(try await search("shared").map(\.postID)) == [here[0].id, there[0].id])
        #expect(try await search("shared", spaces: [world.space.id]).map(\.postID) == [here[0].id])
        #expect(try await search("shared", spaces: [world.otherSpace.id]).map(\.postID) == [there[0].id])
        #expect(try await search("shared", spaces: []).isEmpty)
        #expect(try await search("shared", spaces: [strangerSpace.id]).isEmpty)
    }

    @Test func deletedHiddenAndDeletedThreadPostsAreNotFound() async throws {
        var (thread, posts) = try await start("Moderation", "visible opener", replies: ["visible reply", "visible other"])
        #expect(try await search("visible").count == 3)

        var deleted = posts[1]
        deleted.body = ""
        deleted.deletedAt = f.epoch
        var hidden = posts[2]
        hidden.hiddenAt = f.epoch
        try await pair.write { tx in
            try await tx.update(deleted)
            try await tx.update(hidden)
        }
        #expect(try await search("visible").map(\.postID) == [posts[0].id])
        hidden.hiddenAt = nil
        try await pair.write { [hidden] in try await $0.update(hidden) }
        #expect(Set(try await search("visible").map(\.postID)) == [posts[0].id, posts[2].id])

        thread.deletedAt = f.epoch
        try await pair.write { [thread] in try await $0.update(thread) }
        #expect(try await search("visible").isEmpty)
        #expect(try await search("moderation").isEmpty)
        thread.deletedAt = nil
        try await pair.write { [thread] in try await $0.update(thread) }
        #expect(try await search("visible").count == 2)
    }

    @Test func aTitleChangeReindexesTheFirstPostAndEditsReindexPosts() async throws {
        var (thread, posts) = try await start("Original heading", "body text", replies: ["reply text"])
        #expect(try await search("original").map(\.postID) == [posts[0].id])
        thread.title = "Renamed heading"
        try await pair.write { [thread] in try await $0.update(thread) }
        #expect(try await search("original").isEmpty)
        #expect(try await search("renamed body").map(\.postID) == [posts[0].id])
        #expect(try await search("heading").map(\.postID) == [posts[0].id])  // the title is not in replies' documents

        var reply = posts[1]
        reply.body = "rewritten answer"
        try await pair.write { [reply] in try await $0.update(reply) }
        #expect(try await search("reply").isEmpty)
        #expect(try await search("rewritten").map(\.postID) == [posts[1].id])
    }

    @Test func aMovedThreadIsFoundInItsNewSpace() async throws {
        var (thread, posts) = try await start("Travelling", "suitcase", replies: ["suitcase again"])
        thread.spaceID = world.otherSpace.id
        try await pair.write { [thread, posts] tx in
            try await tx.update(thread)
            for var post in posts {
                post.spaceID = thread.spaceID
                try await tx.update(post)
            }
        }
        #expect(try await search("suitcase", spaces: [world.space.id]).isEmpty)
        #expect(try await search("suitcase", spaces: [world.otherSpace.id]).count == 2)
    }
}
