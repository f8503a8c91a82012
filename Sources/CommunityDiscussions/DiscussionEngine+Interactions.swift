public import CommunityCore
import Foundation

extension DiscussionEngine {
    // MARK: Questions

    /// Accepts a reply as a question's answer, replacing an earlier one. Only the asker or a
    /// moderator may accept; the first post cannot be its own answer. The answer's author is
    /// notified; the record says whether the answer came from staff or a peer.
    /// - Throws: `invalidInput` (not a question, not a reply of it, deleted), `forbidden`, `notFound`.
    @discardableResult
    public func accept(_ postID: PostID, in community: CommunityID, by actor: Principal) async throws -> DiscussionThread {
        try await write { tx, outbox in
            let now = self.now
            let post = try await requirePost(postID, in: community, tx: tx)
            var thread = try await requireThread(post.threadID, in: community, tx: tx)
            let access = try await tx.authorize(.read, by: actor, space: thread.spaceID, in: community, policy: policy, at: now)
            guard thread.kind == .question else {
                throw CommunityError.invalidInput("only questions have accepted answers; this thread is a \(thread.kind.rawValue)", field: "post")
            }
            guard post.number > 1, !post.isDeleted, let answerAuthor = post.authorID else {
                throw CommunityError.invalidInput("the accepted answer must be a reply that is not deleted", field: "post")
            }
            let asker = actor.memberID == thread.authorID && access.actor.status == .active
            let moderator = policy.allows(.moderate, in: access.space.visibility, role: access.role, isSpaceMember: access.membership != nil,
                                          status: access.actor.status)
            guard asker || moderator else { throw CommunityError.forbidden("only the asker or a moderator may accept an answer") }
            thread.acceptedAnswer = AcceptedAnswer(postID: postID, authorID: answerAuthor, byStaff: post.authorIsStaff, acceptedBy: actor, acceptedAt: now)
            try await tx.update(thread)
            try await tx.recordActivity(.answerAccepted, by: actor, subject: SubjectRef("post", postID), community: community, space: thread.spaceID,
                                        at: now, ids: ids, payload: ["thread": thread.id.description, "staff": String(post.authorIsStaff)])
            var notified = Set<MemberID>()
            try await notify(answerAuthor, .answerAccepted, actor: actor, thread: thread, post: postID, summary: thread.title,
                             space: access.space, community: community, tx: tx, outbox: outbox, notified: &notified)
            return thread
        }
    }

    // MARK: Reactions

    /// Adds a reaction (idempotent: reacting twice with the same emoji changes nothing).
    /// - Throws: `invalidInput` (emoji not allowed in the community, deleted post), `forbidden`, `notFound`.
    @discardableResult
    public func react(to postID: PostID, in community: CommunityID, with emoji: String, by actor: Principal) async throws -> ReactionSummary {
        try await changeReaction(postID, in: community, emoji: emoji, adding: true, by: actor)
    }

    /// Removes a reaction (idempotent).
    /// - Throws: `forbidden`, `notFound`.
    @discardableResult
    public func unreact(to postID: PostID, in community: CommunityID, with emoji: String, by actor: Principal) async throws -> ReactionSummary {
        try await changeReaction(postID, in: community, emoji: emoji, adding: false, by: actor)
    }

    private func changeReaction(_ postID: PostID, in community: CommunityID, emoji: String, adding: Bool, by actor: Principal) async throws -> ReactionSummary {
        let member = try author(actor)
        return try await write { tx, _ in
            let now = self.now
            var post = try await requirePost(postID, in: community, tx: tx)
            try await tx.authorize(.react, by: actor, space: post.spaceID, in: community, policy: policy, at: now)
            guard try await settings(of: community, tx: tx).allowedReactions.contains(emoji) else {
                throw CommunityError.invalidInput("'\(emoji)' is not one of this community's reactions", field: "emoji")
            }
            guard !post.isDeleted else { throw CommunityError.invalidInput("cannot react to a deleted post", field: "post") }
            let mine = Set(try await tx.reactions(by: member, on: [postID]).map(\.emoji))
            if mine.contains(emoji) != adding {
                if adding {
                    try await tx.insert(Reaction(postID: postID, memberID: member, emoji: emoji, createdAt: now))
                } else {
                    try await tx.deleteReaction(post: postID, member: member, emoji: emoji)
                }
                let delta = adding ? 1 : -1
                post.reactionCounts[emoji, default: 0] += delta
                if post.reactionCounts[emoji] == 0 { post.reactionCounts[emoji] = nil }
                try await tx.update(post)
                var thread = try await requireThread(post.threadID, in: community, tx: tx, allowDeleted: true)
                thread.reactionCount += delta
                try await tx.update(thread)
                try await tx.recordActivity(adding ? .reactionAdded : .reactionRemoved, by: actor, subject: SubjectRef("post", postID),
                                            community: community, space: post.spaceID, at: now, ids: ids,
                                            payload: ["emoji": emoji, "thread": post.threadID.description])
            }
            return ReactionSummary(postID: postID, counts: post.reactionCounts, mine: adding ? mine.union([emoji]) : mine.subtracting([emoji]))
        }
    }

    /// Reaction counts and the viewer's own reactions for several posts, in one read.
    public func reactions(on posts: [PostID], in community: CommunityID, by viewer: Principal) async throws -> [ReactionSummary] {
        guard posts.count <= 200 else { throw CommunityError.invalidInput("at most 200 posts at a time", field: "posts") }
        return try await read { tx in
            var summaries: [ReactionSummary] = []
            var readable = Set<SpaceID>()
            for id in posts {
                let post = try await requirePost(id, in: community, tx: tx)
                if readable.insert(post.spaceID).inserted {
                    try await tx.authorize(.read, by: viewer, space: post.spaceID, in: community, policy: policy, at: now)
                }
                summaries.append(ReactionSummary(postID: id, counts: post.reactionCounts, mine: []))
            }
            if let member = viewer.memberID {
                let mine = Dictionary(grouping: try await tx.reactions(by: member, on: posts), by: \.postID)
                for index in summaries.indices { summaries[index].mine = Set(mine[summaries[index].postID]?.map(\.emoji) ?? []) }
            }
            return summaries
        }
    }

    // MARK: Following

    /// Follows a thread (replies notify) or a space (new threads notify). Idempotent.
    /// - Throws: `forbidden`/`notFound` if the member may not read it.
    public func follow(_ target: FollowTarget, in community: CommunityID, by actor: Principal) async throws {
        try await setFollowing(target, in: community, following: true, by: actor)
    }

    /// Stops following a thread or space. Idempotent.
    public func unfollow(_ target: FollowTarget, in community: CommunityID, by actor: Principal) async throws {
        try await setFollowing(target, in: community, following: false, by: actor)
    }

    /// Whether the member follows the target.
    public func isFollowing(_ target: FollowTarget, in community: CommunityID, by actor: Principal) async throws -> Bool {
        let member = try author(actor)
        return try await read { tx in try await tx.isFollowing(member, target) }
    }

    private func setFollowing(_ target: FollowTarget, in community: CommunityID, following: Bool, by actor: Principal) async throws {
        let member = try author(actor)
        try await write { tx, _ in
            let now = self.now
            let space: SpaceID = switch target {
            case .space(let space): space
            case .thread(let thread): try await requireThread(thread, in: community, tx: tx).spaceID
            }
            try await tx.authorize(.read, by: actor, space: space, in: community, policy: policy, at: now)
            guard try await tx.isFollowing(member, target) != following else { return }
            if following { try await tx.follow(member, target) } else { try await tx.unfollow(member, target) }
            let subject: SubjectRef = switch target {
            case .space(let id): SubjectRef("space", id)
            case .thread(let id): SubjectRef("thread", id)
            }
            try await tx.recordActivity(.followChanged, by: actor, subject: subject, community: community, space: space, at: now, ids: ids,
                                        payload: ["following": String(following)])
        }
    }

    // MARK: Thread moderation

    /// Pins a thread in its space at a position (lower first), or unpins it with `nil` (moderators).
    @discardableResult
    public func pin(_ thread: ThreadID, in community: CommunityID, at order: Int?, by actor: Principal) async throws -> DiscussionThread {
        try await moderateThread(thread, in: community, change: "pin", by: actor) { $0.pinOrder = order }
    }

    /// Locks (no replies but from moderators) or unlocks a thread (moderators).
    @discardableResult
    public func lock(_ thread: ThreadID, in community: CommunityID, _ locked: Bool = true, by actor: Principal) async throws -> DiscussionThread {
        try await moderateThread(thread, in: community, change: locked ? "lock" : "unlock", by: actor) { $0.isLocked = locked }
    }

    /// Closes (resolved, no more replies) or reopens a thread: moderators, or the author of a question.
    @discardableResult
    public func close(_ thread: ThreadID, in community: CommunityID, _ closed: Bool = true, by actor: Principal) async throws -> DiscussionThread {
        try await moderateThread(thread, in: community, change: closed ? "close" : "reopen", by: actor, authorMay: true) { $0.isClosed = closed }
    }

    /// Changes a thread's title or tags (its author or a moderator).
    @discardableResult
    public func retitle(_ thread: ThreadID, in community: CommunityID, title: String? = nil, tags: [String]? = nil, by actor: Principal) async throws -> DiscussionThread {
        let title = try title.map { try Validate.name($0, field: "title", max: configuration.maxTitleLength) }
        let tags = try tags.map { try Validate.tags($0, field: "tags", max: configuration.maxTags) }
        return try await moderateThread(thread, in: community, change: "retitle", by: actor, authorMay: true) { thread in
            if let title { thread.title = title }
            if let tags { thread.tags = tags }
        }
    }

    /// Deletes a whole thread (its author or a moderator): its first post becomes a tombstone and
    /// the thread leaves every listing and search.
    public func deleteThread(_ threadID: ThreadID, in community: CommunityID, by actor: Principal) async throws {
        let first = try await read { tx in try await requireThread(threadID, in: community, tx: tx).firstPostID }
        try await delete(first, in: community, by: actor)
    }

    /// Moves a thread and its posts to another space (moderators of both spaces).
    /// - Throws: `forbidden`, `notFound`, `invalidInput` (same space).
    @discardableResult
    public func move(_ threadID: ThreadID, in community: CommunityID, to destination: SpaceID, by actor: Principal) async throws -> DiscussionThread {
        try await write { tx, _ in
            let now = self.now
            var thread = try await requireThread(threadID, in: community, tx: tx)
            guard thread.spaceID != destination else { throw CommunityError.invalidInput("the thread is already in that space", field: "space") }
            try await tx.authorize(.moderate, by: actor, space: thread.spaceID, in: community, policy: policy, at: now)
            try await tx.authorize(.moderate, by: actor, space: destination, in: community, policy: policy, at: now)
            let origin = thread.spaceID
            thread.spaceID = destination
            thread.pinOrder = nil
            try await tx.update(thread)
            var after = 0
            while true {
                let posts = try await tx.posts(in: threadID, after: after, direction: .forward, limit: 500)
                for var post in posts {
                    post.spaceID = destination
                    try await tx.update(post)
                }
                guard posts.count == 500, let last = posts.last else { break }
                after = last.number
            }
            try await tx.recordActivity(.threadUpdated, by: actor, subject: SubjectRef("thread", threadID), community: community, space: destination,
                                        at: now, ids: ids, payload: ["change": "move", "from": origin.description])
            return thread
        }
    }

    private func moderateThread(_ threadID: ThreadID, in community: CommunityID, change: String, by actor: Principal, authorMay: Bool = false,
                                _ apply: @Sendable (inout DiscussionThread) -> Void) async throws -> DiscussionThread {
        try await write { tx, _ in
            let now = self.now
            var thread = try await requireThread(threadID, in: community, tx: tx)
            let access = try await tx.authorize(.read, by: actor, space: thread.spaceID, in: community, policy: policy, at: now)
            let moderator = policy.allows(.moderate, in: access.space.visibility, role: access.role, isSpaceMember: access.membership != nil,
                                          status: access.actor.status)
            let isAuthor = authorMay && actor.memberID == thread.authorID && access.actor.status == .active
                && (change != "close" && change != "reopen" || thread.kind == .question)
            guard moderator || isAuthor else { throw CommunityError.forbidden("only a moderator may \(change) this thread") }
            apply(&thread)
            try await tx.update(thread)
            try await tx.recordActivity(.threadUpdated, by: actor, subject: SubjectRef("thread", threadID), community: community,
                                        space: thread.spaceID, at: now, ids: ids, payload: ["change": change])
            return thread
        }
    }
}
