import Foundation

/// The discussion records of the in-memory backend with their indexes. Like ``MemoryState``,
/// each record kind has one `replace(old:new:)` used both to apply a write and to undo it.
final class MemoryDiscussionState {
    var communitySettings: [CommunityID: CommunityDiscussionSettings] = [:]
    var spaceSettings: [SpaceID: SpaceDiscussionSettings] = [:]

    var threads: [ThreadID: DiscussionThread] = [:]
    var listings: [SpaceID: [ThreadOrder: SortedKeys<ThreadListingKey>]] = [:]
    var pinned: [SpaceID: Set<ThreadID>] = [:]

    var posts: [PostID: Post] = [:]
    var postsByThread: [ThreadID: [Int: PostID]] = [:]
    var postNumbers: [ThreadID: SortedKeys<Int>] = [:]
    var postTimesByAuthor: [MemberID: SortedKeys<PostTime>] = [:]
    var lastPostInSpace: [SpaceID: [MemberID: SortedKeys<PostTime>]] = [:]
    var revisions: [PostID: [PostRevision]] = [:]

    var reactions: [PostID: [MemberID: Set<String>]] = [:]
    var reactionDates: [ReactionKey: Date] = [:]

    var readMarkers: [MemberID: [ThreadID: ReadMarker]] = [:]
    var spaceReadMarks: [MemberID: [SpaceID: SpaceReadMark]] = [:]

    var followers: [FollowTarget: SortedKeys<MemberID>] = [:]

    var inboxItems: [InboxItemID: InboxItem] = [:]
    var inboxByMember: [MemberID: SortedKeys<InboxItemID>] = [:]
    var unreadInbox: [MemberID: SortedKeys<InboxItemID>] = [:]

    var flags: [FlagID: Flag] = [:]
    var flagsByPost: [PostID: SortedKeys<FlagID>] = [:]
    var openFlags: [CommunityID: SortedKeys<FlagID>] = [:]

    var searchIndexes: [CommunityID: SearchIndex] = [:]

    struct PostTime: Comparable, Sendable {
        var date: Date
        var id: PostID
        static func < (lhs: PostTime, rhs: PostTime) -> Bool { (lhs.date, lhs.id) < (rhs.date, rhs.id) }
    }

    struct ReactionKey: Hashable {
        var post: PostID
        var member: MemberID
        var emoji: String
    }

    func replace(old: DiscussionThread?, new: DiscussionThread?) {
        let stored = old.flatMap { threads[$0.id] }
        if let stored {
            threads[stored.id] = nil
            for order in ThreadOrder.allCases where ThreadPosition.lists(stored, in: order) {
                listings[stored.spaceID]?[order]?.remove(ThreadListingKey(ThreadPosition(stored, order: order)))
            }
            if stored.pinOrder != nil { pinned[stored.spaceID]?.remove(stored.id) }
        }
        if let new {
            threads[new.id] = new
            for order in ThreadOrder.allCases where ThreadPosition.lists(new, in: order) {
                listings[new.spaceID, default: [:]][order, default: SortedKeys()].insert(ThreadListingKey(ThreadPosition(new, order: order)))
            }
            if new.pinOrder != nil, new.deletedAt == nil { pinned[new.spaceID, default: []].insert(new.id) }
            if stored?.title != new.title, let first = posts[new.firstPostID] { index(first) }
        }
    }

    func replace(old: Post?, new: Post?) {
        if let old = old.flatMap({ posts[$0.id] }) {
            posts[old.id] = nil
            postsByThread[old.threadID]?[old.number] = nil
            postNumbers[old.threadID]?.remove(old.number)
            if let author = old.authorID {
                postTimesByAuthor[author]?.remove(PostTime(date: old.createdAt, id: old.id))
                lastPostInSpace[old.spaceID]?[author]?.remove(PostTime(date: old.createdAt, id: old.id))
            }
            searchIndexes[old.communityID]?.remove(old.id)
        }
        if let new {
            posts[new.id] = new
            postsByThread[new.threadID, default: [:]][new.number] = new.id
            postNumbers[new.threadID, default: SortedKeys()].insert(new.number)
            if let author = new.authorID {
                postTimesByAuthor[author, default: SortedKeys()].insert(PostTime(date: new.createdAt, id: new.id))
                lastPostInSpace[new.spaceID, default: [:]][author, default: SortedKeys()].insert(PostTime(date: new.createdAt, id: new.id))
            }
            index(new)
        }
    }

    /// Indexes a live post's text (the thread title with the first post); removes deleted and hidden ones.
    private func index(_ post: Post) {
        guard let thread = threads[post.threadID], !post.isDeleted, post.hiddenAt == nil else {
            searchIndexes[post.communityID]?.remove(post.id)
            return
        }
        let text = post.number == 1 ? thread.title + "\n" + post.body : post.body
        searchIndexes[post.communityID, default: SearchIndex()].set(post.id, thread: thread.id, space: post.spaceID, text: text)
    }

    func replace(old: Reaction?, new: Reaction?) {
        if let old, reactions[old.postID]?[old.memberID]?.remove(old.emoji) != nil {
            reactionDates[ReactionKey(post: old.postID, member: old.memberID, emoji: old.emoji)] = nil
        }
        if let new {
            reactions[new.postID, default: [:]][new.memberID, default: []].insert(new.emoji)
            reactionDates[ReactionKey(post: new.postID, member: new.memberID, emoji: new.emoji)] = new.createdAt
        }
    }

    func replace(old: InboxItem?, new: InboxItem?) {
        if let old = old.flatMap({ inboxItems[$0.id] }) {
            inboxItems[old.id] = nil
            inboxByMember[old.memberID]?.remove(old.id)
            unreadInbox[old.memberID]?.remove(old.id)
        }
        if let new {
            inboxItems[new.id] = new
            inboxByMember[new.memberID, default: SortedKeys()].insert(new.id)
            if new.readAt == nil { unreadInbox[new.memberID, default: SortedKeys()].insert(new.id) }
        }
    }

    func replace(old: Flag?, new: Flag?) {
        if let old = old.flatMap({ flags[$0.id] }) {
            flags[old.id] = nil
            flagsByPost[old.postID]?.remove(old.id)
            openFlags[old.communityID]?.remove(old.id)
        }
        if let new {
            flags[new.id] = new
            flagsByPost[new.postID, default: SortedKeys()].insert(new.id)
            if new.resolution == nil { openFlags[new.communityID, default: SortedKeys()].insert(new.id) }
        }
    }
}
