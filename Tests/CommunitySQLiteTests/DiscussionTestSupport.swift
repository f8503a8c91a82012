import CommunityCore
@testable import CommunitySQLite
import Foundation
import Testing

extension Fixtures {
    func thread(_ space: Space, author: MemberID, kind: DiscussionThread.Kind = .discussion, title: String = "A thread",
                at offset: TimeInterval = 0) -> DiscussionThread {
        DiscussionThread(
            id: id(), communityID: space.communityID, spaceID: space.id, authorID: author, authorIsStaff: false, kind: kind,
            title: title, tags: ["swift", "événements"], firstPostID: id(), createdAt: epoch.addingTimeInterval(offset))
    }

    func post(_ thread: DiscussionThread, number: Int, author: MemberID?, body: String = "Hello", at offset: TimeInterval = 0,
              id postID: PostID? = nil) -> Post {
        Post(
            id: postID ?? (number == 1 ? thread.firstPostID : id()), communityID: thread.communityID, spaceID: thread.spaceID,
            threadID: thread.id, number: number, authorID: author, authorIsStaff: false, body: body, excerpt: String(body.prefix(200)),
            createdAt: epoch.addingTimeInterval(offset))
    }

    func inboxItem(_ community: CommunityID, member: MemberID, read: Bool = false) -> InboxItem {
        InboxItem(
            id: id(), communityID: community, memberID: member, kind: .mentioned, actor: .system("tests"), summary: "hi",
            createdAt: epoch, readAt: read ? epoch.addingTimeInterval(5) : nil)
    }

    func flag(_ post: Post, reporter: MemberID) -> Flag {
        Flag(id: id(), communityID: post.communityID, spaceID: post.spaceID, postID: post.id, reporterID: reporter, reason: .spam,
             note: "", createdAt: epoch)
    }
}

/// A community with two spaces and three members, stored in a store.
struct DiscussionWorld {
    let community: Community
    let space: Space
    let otherSpace: Space
    let members: [Member]

    init(_ f: Fixtures) {
        let community = f.community()
        self.community = community
        space = f.space(community.id, slug: "general")
        otherSpace = f.space(community.id, slug: "random")
        members = (0..<3).map { f.member(community.id, handle: "m\($0)") }
    }

    func store(in store: any CommunityStore) async throws {
        try await store.write { tx in
            try await tx.insert(community)
            try await tx.insert(space)
            try await tx.insert(otherSpace)
            for member in members { try await tx.insert(member) }
        }
    }
}

/// The SQLite store and the in-memory reference side by side: every write runs on both, and
/// every read must give the same answer (or fail with the same error code) on both.
struct ReferencePair {
    let sqlite: SQLiteCommunityStore
    let memory = InMemoryCommunityStore()

    init(_ folder: TemporaryFolder) throws { sqlite = try SQLiteCommunityStore(path: folder.path()) }

    var stores: [any CommunityStore] { [sqlite, memory] }

    /// Runs `body` in a write transaction of each store; expects the same result or error code.
    @discardableResult
    func write<T: Equatable>(_ body: (any DiscussionWriteTransaction) async throws -> T, sourceLocation: SourceLocation = #_sourceLocation)
        async throws -> T
    {
        let sqliteResult = await Self.outcome { try await sqlite.write { try await body(try Self.discussions($0)) } }
        let memoryResult = await Self.outcome { try await memory.write { try await body(try Self.discussions($0)) } }
        Self.expectSame(sqliteResult, memoryResult, sourceLocation: sourceLocation)
        return try sqliteResult.get()
    }

    /// Runs `body` in a write transaction of each store; expects both to succeed or to fail with the same code.
    func write(_ body: (any DiscussionWriteTransaction) async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try await write({ tx -> Bool in
            try await body(tx)
            return true
        }, sourceLocation: sourceLocation)
    }

    /// Runs `body` in a read transaction of each store; expects the same result or error code.
    @discardableResult
    func read<T: Equatable>(_ body: (any DiscussionReadTransaction) async throws -> T, sourceLocation: SourceLocation = #_sourceLocation)
        async throws -> T
    {
        let sqliteResult = await Self.outcome { try await sqlite.read { try await body(try Self.discussions($0)) } }
        let memoryResult = await Self.outcome { try await memory.read { try await body(try Self.discussions($0)) } }
        Self.expectSame(sqliteResult, memoryResult, sourceLocation: sourceLocation)
        return try sqliteResult.get()
    }

    /// Expects `body` to fail with `code` on both stores.
    func expectFailure(_ code: CommunityError.Code, sourceLocation: SourceLocation = #_sourceLocation,
                       _ body: (any DiscussionWriteTransaction) async throws -> Void) async throws {
        for store in stores {
            do {
                try await store.write { try await body(try Self.discussions($0)) }
                Issue.record("expected \(code) from \(type(of: store))", sourceLocation: sourceLocation)
            } catch let error as CommunityError {
                #expect(error.code == code, "\(type(of: store)): \(error)", sourceLocation: sourceLocation)
            }
        }
    }

    static func discussions(_ tx: any StoreReadTransaction) throws -> any DiscussionWriteTransaction {
        try #require(tx as? any DiscussionWriteTransaction)
    }

    private static func outcome<T>(_ body: () async throws -> T) async -> Result<T, any Error> {
        do { return .success(try await body()) } catch { return .failure(error) }
    }

    private static func expectSame<T: Equatable>(_ sqlite: Result<T, any Error>, _ memory: Result<T, any Error>, sourceLocation: SourceLocation) {
        switch (sqlite, memory) {
        case (.success(let a), .success(let b)):
            #expect(a == b, "SQLite and in-memory differ", sourceLocation: sourceLocation)
        case (.failure(let a), .failure(let b)):
            #expect((a as? CommunityError)?.code == (b as? CommunityError)?.code, "SQLite: \(a); in-memory: \(b)", sourceLocation: sourceLocation)
        case (.success(let a), .failure(let b)):
            Issue.record("SQLite returned \(a); in-memory threw \(b)", sourceLocation: sourceLocation)
        case (.failure(let a), .success(let b)):
            Issue.record("SQLite threw \(a); in-memory returned \(b)", sourceLocation: sourceLocation)
        }
    }
}

/// Reads a whole thread listing page by page.
func fullListing(_ tx: any DiscussionReadTransaction, space: SpaceID, order: ThreadOrder, pageSize: Int) async throws -> [ThreadID] {
    var ids: [ThreadID] = []
    var cursor: ThreadPosition?
    while true {
        let page = try await tx.threads(in: space, order: order, after: cursor, limit: pageSize)
        ids += page.map(\.id)
        guard page.count == pageSize, let last = page.last else { return ids }
        cursor = ThreadPosition(last, order: order)
    }
}
