public import CommunityCore
import Foundation

extension DiscussionEngine {
    // MARK: Listings

    /// A page of a space's threads in `order` (pinned threads are listed separately by ``pinnedThreads(in:of:by:)``).
    /// Pages are stable under concurrent posting: the cursor is a position in the order.
    /// - Throws: `forbidden`/`notFound` if the viewer may not read the space, `invalidInput` (limit, cursor).
    public func threads(in space: SpaceID, of community: CommunityID, order: ThreadOrder = .latestActivity, after: PageCursor? = nil,
                        limit: Int = 30, by viewer: Principal) async throws -> Page<DiscussionThread> {
        try Validate.limit(limit)
        let position = try after.map(Self.decodePosition)
        return try await read { tx in
            try await tx.authorize(.read, by: viewer, space: space, in: community, policy: policy, at: now)
            let threads = try await tx.threads(in: space, order: order, after: position, limit: limit)
            let next = threads.count == limit ? threads.last.map { Self.encode(ThreadPosition($0, order: order)) } : nil
            return Page(items: threads, nextCursor: next)
        }
    }

    /// The pinned threads of a space, by pin order.
    public func pinnedThreads(in space: SpaceID, of community: CommunityID, by viewer: Principal) async throws -> [DiscussionThread] {
        try await read { tx in
            try await tx.authorize(.read, by: viewer, space: space, in: community, policy: policy, at: now)
            return try await tx.pinnedThreads(in: space)
        }
    }

    /// A thread, if the viewer may read it (a deleted thread is `notFound` except to moderators).
    public func thread(_ id: ThreadID, in community: CommunityID, by viewer: Principal) async throws -> DiscussionThread {
        try await read { tx in
            let thread = try await requireThread(id, in: community, tx: tx, allowDeleted: true)
            let access = try await tx.authorize(.read, by: viewer, space: thread.spaceID, in: community, policy: policy, at: now)
            if thread.deletedAt != nil, !access.role.isStaff {
                throw CommunityError.notFound("no thread with id \(id) in this community", field: "thread")
            }
            return thread
        }
    }

    /// A page of a thread's posts by number, forward (oldest first) or backward (newest first).
    /// Deleted posts appear as tombstones; hidden posts lose their text except for staff and their author.
    /// A deleted thread's timeline stays readable by staff only.
    /// - Parameters:
    ///   - after: The cursor of the previous page; `nil` starts at the beginning (forward) or end (backward).
    public func posts(in threadID: ThreadID, of community: CommunityID, direction: PostDirection = .forward, after: PageCursor? = nil,
                      limit: Int = 50, by viewer: Principal) async throws -> Page<Post> {
        try Validate.limit(limit)
        let start = try after.map(Self.decodeNumber) ?? (direction == .forward ? 0 : Int.max)
        return try await read { tx in
            let thread = try await requireThread(threadID, in: community, tx: tx, allowDeleted: true)
            let access = try await tx.authorize(.read, by: viewer, space: thread.spaceID, in: community, policy: policy, at: now)
            if thread.deletedAt != nil, !access.role.isStaff {
                throw CommunityError.notFound("no thread with id \(threadID) in this community", field: "thread")
            }
            var posts = try await tx.posts(in: threadID, after: start, direction: direction, limit: limit)
            // Only hidden posts change (redacted in place: no copy of the others).
            for index in posts.indices where posts[index].hiddenAt != nil {
                posts[index] = redacted(posts[index], for: viewer, role: access.role)
            }
            let next = posts.count == limit ? posts.last.map { PageCursor(String($0.number)) } : nil
            return Page(items: posts, nextCursor: next)
        }
    }

    /// The page of posts starting at the member's first unread post ("jump to first unread").
    public func postsFromFirstUnread(in threadID: ThreadID, of community: CommunityID, limit: Int = 50, by viewer: Principal) async throws -> Page<Post> {
        let member = try author(viewer)
        let lastRead = try await read { tx in try await tx.readMarker(of: member, in: threadID)?.lastReadNumber ?? 0 }
        return try await posts(in: threadID, of: community, after: PageCursor(String(lastRead)), limit: limit, by: viewer)
    }

    // MARK: Read tracking

    /// Records that the member has read a thread up to post `number` (markers only move forward).
    /// - Returns: The marker.
    @discardableResult
    public func markRead(_ threadID: ThreadID, in community: CommunityID, upTo number: Int, by actor: Principal) async throws -> ReadMarker {
        let member = try author(actor)
        guard number >= 1 else { throw CommunityError.invalidInput("post numbers start at 1", field: "number") }
        return try await write { tx, _ in
            let now = self.now
            let thread = try await requireThread(threadID, in: community, tx: tx)
            try await tx.authorize(.read, by: actor, space: thread.spaceID, in: community, policy: policy, at: now)
            let old = try await tx.readMarker(of: member, in: threadID)
            let target = min(number, thread.lastPostNumber)
            if let old, old.lastReadNumber >= target { return old }
            let marker = ReadMarker(memberID: member, threadID: threadID, lastReadNumber: target, updatedAt: now)
            try await tx.upsert(marker)
            try await tx.recordActivity(.threadRead, by: actor, subject: SubjectRef("thread", threadID), community: community, space: thread.spaceID,
                                        at: now, ids: ids, payload: ["upTo": String(target)])
            return marker
        }
    }

    /// Marks every thread of a space read as of now.
    public func markSpaceRead(_ space: SpaceID, in community: CommunityID, by actor: Principal) async throws {
        let member = try author(actor)
        try await write { tx, _ in
            let now = self.now
            try await tx.authorize(.read, by: actor, space: space, in: community, policy: policy, at: now)
            try await tx.upsert(SpaceReadMark(memberID: member, spaceID: space, readUpTo: now))
            try await tx.recordActivity(.threadRead, by: actor, subject: SubjectRef("space", space), community: community, space: space,
                                        at: now, ids: ids, payload: ["all": "true"])
        }
    }

    /// Unread posts of one thread for the member.
    public func unreadPosts(in threadID: ThreadID, of community: CommunityID, by viewer: Principal) async throws -> Int {
        let member = try author(viewer)
        return try await read { tx in
            let thread = try await requireThread(threadID, in: community, tx: tx)
            try await tx.authorize(.read, by: viewer, space: thread.spaceID, in: community, policy: policy, at: now)
            guard let me = try await tx.member(member, in: community) else { return 0 }
            let mark = try await tx.spaceReadMark(of: member, in: thread.spaceID)?.readUpTo ?? .distantPast
            return try await unread(thread, member: me, readUpTo: mark, tx: tx)
        }
    }

    /// The member's unread threads and posts in every space they can read.
    ///
    /// The cost grows with the threads active since the member last caught up, never with the
    /// number of posts: counts come from thread counters and read markers. Activity from before
    /// the member joined the community counts as read.
    public func unreadCounts(in community: CommunityID, by viewer: Principal) async throws -> [UnreadCount] {
        let member = try author(viewer)
        return try await read { tx in
            let acting = try await tx.acting(viewer, in: community, at: now)
            guard let me = acting.member else { return [] }
            let spaces = try await readableSpaces(by: me, in: community, tx: tx)
            let tallies = try await tx.unreadTallies(of: member, in: spaces.map(\.id), activeAfter: me.joinedAt)
            return tallies.map { UnreadCount(spaceID: $0.spaceID, threads: $0.threads, posts: $0.posts) }
        }
    }

    /// Unread posts of a thread for a member: posts after their marker, or all when the thread
    /// was active after the space mark and never opened.
    func unread(_ thread: DiscussionThread, member: Member, readUpTo mark: Date, tx: any DiscussionReadTransaction) async throws -> Int {
        guard thread.lastActivityAt > max(mark, member.joinedAt) else { return 0 }
        let lastRead = try await tx.readMarker(of: member.id, in: thread.id)?.lastReadNumber ?? 0
        return Self.unread(thread, member: member, readUpTo: mark, lastRead: lastRead)
    }

    /// Unread posts given the member's last read number.
    static func unread(_ thread: DiscussionThread, member: Member, readUpTo mark: Date, lastRead: Int) -> Int {
        guard thread.lastActivityAt > max(mark, member.joinedAt) else { return 0 }
        return max(0, thread.lastPostNumber - lastRead)
    }

    // MARK: Search

    /// Full-text search over the titles and posts the viewer may read, ranked (BM25), case- and
    /// diacritic-insensitive (`evenement` finds "événement"), the last term matched as a prefix.
    /// - Throws: `invalidInput` (empty or long query, limit, cursor), `forbidden`.
    public func search(_ text: String, in community: CommunityID, after: PageCursor? = nil, limit: Int = 20,
                       by viewer: Principal) async throws -> Page<SearchResult> {
        try Validate.limit(limit, max: 100)
        let query = try SearchQuery(text)
        let offset = try after.map(Self.decodeNumber) ?? 0
        return try await read { tx in
            let acting = try await tx.acting(viewer, in: community, at: now)
            let visible = Set(try await readableSpaces(by: acting.member, in: community, tx: tx).map(\.id))
            let hits = try await tx.search(in: community, query: query, spaces: visible, offset: offset, limit: limit)
            var results: [SearchResult] = []
            for hit in hits {
                guard let thread = try await tx.thread(hit.threadID, in: community), let post = try await tx.post(hit.postID, in: community) else { continue }
                results.append(SearchResult(thread: thread, post: post, score: hit.score))
            }
            return Page(items: results, nextCursor: hits.count == limit ? PageCursor(String(offset + limit)) : nil)
        }
    }

    // MARK: Inbox

    /// A page of the member's inbox, newest first.
    public func inbox(in community: CommunityID, unreadOnly: Bool = false, after: PageCursor? = nil, limit: Int = 30,
                      by viewer: Principal) async throws -> Page<InboxItem> {
        let member = try author(viewer)
        try Validate.limit(limit)
        let before: InboxItemID? = try after?.identifier()
        return try await read { tx in
            _ = try await tx.acting(viewer, in: community, at: now)
            let items = try await tx.inbox(of: member, before: before, unreadOnly: unreadOnly, limit: limit)
            return Page(items: items, nextCursor: items.count == limit ? items.last.map { PageCursor(after: $0.id) } : nil)
        }
    }

    /// How many inbox items the member has not read.
    public func unreadInboxCount(in community: CommunityID, by viewer: Principal) async throws -> Int {
        let member = try author(viewer)
        return try await read { tx in
            _ = try await tx.acting(viewer, in: community, at: now)
            return try await tx.unreadInboxCount(of: member)
        }
    }

    /// Marks one inbox item read.
    public func markInboxItemRead(_ id: InboxItemID, in community: CommunityID, by viewer: Principal) async throws {
        let member = try author(viewer)
        try await write { tx, _ in
            _ = try await tx.acting(viewer, in: community, at: now)
            guard var item = try await tx.inboxItem(id, of: member) else {
                throw CommunityError.notFound("no inbox item with id \(id) for this member", field: "item")
            }
            guard item.readAt == nil else { return }
            item.readAt = now
            try await tx.update(item)
        }
    }

    /// Marks every inbox item of the member read; returns how many changed.
    @discardableResult
    public func markInboxRead(in community: CommunityID, by viewer: Principal) async throws -> Int {
        let member = try author(viewer)
        return try await write { tx, _ in
            _ = try await tx.acting(viewer, in: community, at: now)
            return try await tx.markInboxRead(of: member, at: now)
        }
    }

    // MARK: Cursors

    static func encode(_ position: ThreadPosition) -> PageCursor {
        PageCursor("\(position.key)~\(position.threadID)")
    }

    static func decodePosition(_ cursor: PageCursor) throws -> ThreadPosition {
        let parts = cursor.rawValue.split(separator: "~")
        guard parts.count == 2, let key = Int64(parts[0]), let id = ThreadID(String(parts[1])) else {
            throw CommunityError.invalidInput("the page cursor '\(cursor.rawValue.prefix(60))' is not one this listing returned", field: "after")
        }
        return ThreadPosition(key: key, threadID: id)
    }

    static func decodeNumber(_ cursor: PageCursor) throws -> Int {
        guard let number = Int(cursor.rawValue), number >= 0 else {
            throw CommunityError.invalidInput("the page cursor '\(cursor.rawValue.prefix(60))' is not one this listing returned", field: "after")
        }
        return number
    }
}
