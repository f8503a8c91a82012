import Foundation

extension MemoryTransaction: DiscussionWriteTransaction {
    private var d: MemoryDiscussionState { state.discussions }

    // MARK: Reads

    func discussionSettings(of community: CommunityID) async throws -> CommunityDiscussionSettings? { d.communitySettings[community] }

    func discussionSettings(ofSpace space: SpaceID) async throws -> SpaceDiscussionSettings? { d.spaceSettings[space] }

    func thread(_ id: ThreadID, in community: CommunityID) async throws -> DiscussionThread? {
        guard let thread = d.threads[id], thread.communityID == community else { return nil }
        return thread
    }

    func threads(in space: SpaceID, order: ThreadOrder, after: ThreadPosition?, limit: Int) async throws -> [DiscussionThread] {
        guard let listing = d.listings[space]?[order] else { return [] }
        return listing.page(after: after.map(ThreadListingKey.init), limit: limit).compactMap { d.threads[$0.id] }
    }

    func pinnedThreads(in space: SpaceID) async throws -> [DiscussionThread] {
        (d.pinned[space] ?? []).compactMap { d.threads[$0] }.sorted { ($0.pinOrder ?? 0, $0.id) < ($1.pinOrder ?? 0, $1.id) }
    }

    func post(_ id: PostID, in community: CommunityID) async throws -> Post? {
        guard let post = d.posts[id], post.communityID == community else { return nil }
        return post
    }

    func posts(in thread: ThreadID, after number: Int, direction: PostDirection, limit: Int) async throws -> [Post] {
        guard let numbers = d.postNumbers[thread], let ids = d.postsByThread[thread] else { return [] }
        let keys = numbers.keys
        let selected: ArraySlice<Int>
        switch direction {
        case .forward:
            selected = numbers.page(after: number, limit: limit)
        case .backward:
            let end = numbers.lowerBound(number)
            selected = keys[max(0, end - max(0, limit))..<end]
        }
        let posts = selected.compactMap { ids[$0].flatMap { d.posts[$0] } }
        return direction == .forward ? posts : posts.reversed()
    }

    func revisions(of post: PostID) async throws -> [PostRevision] { d.revisions[post] ?? [] }

    func postCount(by member: MemberID, since: Date) async throws -> Int {
        guard let times = d.postTimesByAuthor[member] else { return 0 }
        return times.count - times.lowerBound(MemoryDiscussionState.PostTime(date: since, id: PostID(high: 0, low: 0)))
    }

    func lastPostDate(by member: MemberID, in space: SpaceID) async throws -> Date? {
        d.lastPostInSpace[space]?[member]?.keys.last?.date
    }

    func reactions(by member: MemberID, on posts: [PostID]) async throws -> [Reaction] {
        posts.flatMap { post in
            (d.reactions[post]?[member] ?? []).sorted().compactMap { emoji in
                d.reactionDates[.init(post: post, member: member, emoji: emoji)].map { Reaction(postID: post, memberID: member, emoji: emoji, createdAt: $0) }
            }
        }
    }

    func readMarker(of member: MemberID, in thread: ThreadID) async throws -> ReadMarker? { d.readMarkers[member]?[thread] }

    func readMarkers(of member: MemberID, in threads: [ThreadID]) async throws -> [ThreadID: ReadMarker] {
        guard let markers = d.readMarkers[member] else { return [:] }
        return Dictionary(uniqueKeysWithValues: threads.compactMap { thread in markers[thread].map { (thread, $0) } })
    }

    func spaceReadMark(of member: MemberID, in space: SpaceID) async throws -> SpaceReadMark? { d.spaceReadMarks[member]?[space] }

    func isFollowing(_ member: MemberID, _ target: FollowTarget) async throws -> Bool { d.followers[target]?.contains(member) ?? false }

    func followers(of target: FollowTarget, after: MemberID?, limit: Int) async throws -> [MemberID] {
        Array(d.followers[target]?.page(after: after, limit: limit) ?? [])
    }

    func inbox(of member: MemberID, before: InboxItemID?, unreadOnly: Bool, limit: Int) async throws -> [InboxItem] {
        guard let index = unreadOnly ? d.unreadInbox[member] : d.inboxByMember[member] else { return [] }
        let end = before.map(index.lowerBound) ?? index.count
        return index.keys[max(0, end - max(0, limit))..<end].reversed().compactMap { d.inboxItems[$0] }
    }

    func inboxItem(_ id: InboxItemID, of member: MemberID) async throws -> InboxItem? {
        guard let item = d.inboxItems[id], item.memberID == member else { return nil }
        return item
    }

    func unreadInboxCount(of member: MemberID) async throws -> Int { d.unreadInbox[member]?.count ?? 0 }

    func flag(_ id: FlagID, in community: CommunityID) async throws -> Flag? {
        guard let flag = d.flags[id], flag.communityID == community else { return nil }
        return flag
    }

    func flags(on post: PostID) async throws -> [Flag] { (d.flagsByPost[post]?.keys ?? []).compactMap { d.flags[$0] } }

    func openFlags(in community: CommunityID, after: FlagID?, limit: Int) async throws -> [Flag] {
        (d.openFlags[community]?.page(after: after, limit: limit) ?? []).compactMap { d.flags[$0] }
    }

    func search(in community: CommunityID, query: SearchQuery, spaces: Set<SpaceID>, offset: Int, limit: Int) async throws -> [SearchHit] {
        guard let index = d.searchIndexes[community], offset >= 0, limit > 0 else { return [] }
        let hits = index.search(query, spaces: spaces) { [d] post in
            guard let thread = d.posts[post].flatMap({ d.threads[$0.threadID] }) else { return false }
            return thread.deletedAt == nil
        }
        guard offset < hits.count else { return [] }
        return Array(hits[offset..<min(hits.count, offset + limit)])
    }

    // MARK: Writes

    func upsert(_ settings: CommunityDiscussionSettings) async throws {
        let old = d.communitySettings[settings.communityID]
        d.communitySettings[settings.communityID] = settings
        record { [d] in d.communitySettings[settings.communityID] = old }
    }

    func upsert(_ settings: SpaceDiscussionSettings) async throws {
        let old = d.spaceSettings[settings.spaceID]
        d.spaceSettings[settings.spaceID] = settings
        record { [d] in d.spaceSettings[settings.spaceID] = old }
    }

    func insert(_ thread: DiscussionThread) async throws {
        guard d.threads[thread.id] == nil else { throw CommunityError.conflict("a thread with id \(thread.id) already exists", field: "id") }
        guard state.spaces[thread.spaceID]?.communityID == thread.communityID else {
            throw CommunityError.notFound("no space with id \(thread.spaceID) in this community", field: "space")
        }
        change(from: nil, to: thread, using: d.replace(old:new:))
    }

    func update(_ thread: DiscussionThread) async throws {
        guard let old = d.threads[thread.id], old.communityID == thread.communityID else {
            throw CommunityError.notFound("no thread with id \(thread.id) in this community", field: "thread")
        }
        change(from: old, to: thread, using: d.replace(old:new:))
    }

    func insert(_ post: Post) async throws {
        guard d.posts[post.id] == nil, d.postsByThread[post.threadID]?[post.number] == nil else {
            throw CommunityError.conflict("a post with this id or number already exists", field: "id")
        }
        guard let thread = d.threads[post.threadID], thread.communityID == post.communityID else {
            throw CommunityError.notFound("no thread with id \(post.threadID) in this community", field: "thread")
        }
        change(from: nil, to: post, using: d.replace(old:new:))
    }

    func update(_ post: Post) async throws {
        guard let old = d.posts[post.id], old.communityID == post.communityID else {
            throw CommunityError.notFound("no post with id \(post.id) in this community", field: "post")
        }
        change(from: old, to: post, using: d.replace(old:new:))
    }

    func insert(_ revision: PostRevision) async throws {
        d.revisions[revision.postID, default: []].append(revision)
        record { [d] in d.revisions[revision.postID]?.removeLast() }
    }

    func insert(_ reaction: Reaction) async throws {
        guard d.reactions[reaction.postID]?[reaction.memberID]?.contains(reaction.emoji) != true else {
            throw CommunityError.conflict("the member already reacted with \(reaction.emoji)", field: "emoji")
        }
        change(from: nil, to: reaction, using: d.replace(old:new:))
    }

    func deleteReaction(post: PostID, member: MemberID, emoji: String) async throws {
        guard let date = d.reactionDates[.init(post: post, member: member, emoji: emoji)] else {
            throw CommunityError.notFound("no \(emoji) reaction of this member on this post", field: "emoji")
        }
        let old = Reaction(postID: post, memberID: member, emoji: emoji, createdAt: date)
        change(from: old, to: nil, using: d.replace(old:new:))
    }

    func upsert(_ marker: ReadMarker) async throws {
        let old = d.readMarkers[marker.memberID]?[marker.threadID]
        d.readMarkers[marker.memberID, default: [:]][marker.threadID] = marker
        record { [d] in d.readMarkers[marker.memberID]?[marker.threadID] = old }
    }

    func upsert(_ mark: SpaceReadMark) async throws {
        let old = d.spaceReadMarks[mark.memberID]?[mark.spaceID]
        d.spaceReadMarks[mark.memberID, default: [:]][mark.spaceID] = mark
        record { [d] in d.spaceReadMarks[mark.memberID]?[mark.spaceID] = old }
    }

    func follow(_ member: MemberID, _ target: FollowTarget) async throws {
        guard d.followers[target]?.contains(member) != true else { return }
        d.followers[target, default: SortedKeys()].insert(member)
        record { [d] in d.followers[target]?.remove(member) }
    }

    func unfollow(_ member: MemberID, _ target: FollowTarget) async throws {
        guard d.followers[target]?.contains(member) == true else { return }
        d.followers[target]?.remove(member)
        record { [d] in d.followers[target, default: SortedKeys()].insert(member) }
    }

    func insert(_ item: InboxItem) async throws {
        guard d.inboxItems[item.id] == nil else { throw CommunityError.conflict("an inbox item with id \(item.id) already exists", field: "id") }
        change(from: nil, to: item, using: d.replace(old:new:))
    }

    func update(_ item: InboxItem) async throws {
        guard let old = d.inboxItems[item.id], old.memberID == item.memberID else {
            throw CommunityError.notFound("no inbox item with id \(item.id) for this member", field: "item")
        }
        change(from: old, to: item, using: d.replace(old:new:))
    }

    func markInboxRead(of member: MemberID, at date: Date) async throws -> Int {
        let unread = d.unreadInbox[member]?.keys ?? []
        for id in unread {
            guard let old = d.inboxItems[id] else { continue }
            var new = old
            new.readAt = date
            change(from: old, to: new, using: d.replace(old:new:))
        }
        return unread.count
    }

    func insert(_ flag: Flag) async throws {
        guard d.flags[flag.id] == nil else { throw CommunityError.conflict("a flag with id \(flag.id) already exists", field: "id") }
        change(from: nil, to: flag, using: d.replace(old:new:))
    }

    func update(_ flag: Flag) async throws {
        guard let old = d.flags[flag.id], old.communityID == flag.communityID else {
            throw CommunityError.notFound("no flag with id \(flag.id) in this community", field: "flag")
        }
        change(from: old, to: flag, using: d.replace(old:new:))
    }
}
