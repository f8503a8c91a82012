public import CommunityCore
import Foundation

extension DiscussionEngine {
    /// Starts a thread in a space: a title and a first post.
    ///
    /// Posting marks the author's own post read (here and in ``reply(to:in:body:inReplyTo:by:)``).
    ///
    /// Announcements need a moderator; other kinds need the right to post in the space. In an
    /// announcements space only announcements may be started. The author follows the thread;
    /// followers of the space and mentioned members are notified.
    /// - Throws: `invalidInput` (empty title, body over the limit, bad tags), `forbidden`,
    ///   `notFound` (space), `rateLimited`.
    public func startThread(in space: SpaceID, of community: CommunityID, kind: DiscussionThread.Kind = .discussion, title: String,
                            body: String, tags: [String] = [], by actor: Principal) async throws -> StartedThread {
        let authorID = try author(actor)
        let title = try Validate.name(title, field: "title", max: configuration.maxTitleLength)
        let body = try validateBody(body)
        let tags = try Validate.tags(tags, field: "tags", max: configuration.maxTags)
        let content = PostContent(markdown: body)
        return try await write { tx, outbox in
            let now = self.now
            let access = try await tx.authorize(kind == .announcement ? .startAnnouncement : .post, by: actor, space: space, in: community,
                                                policy: policy, at: now)
            if access.space.kind == .announcements, kind != .announcement {
                throw CommunityError.invalidInput("only announcements can be started in an announcements space", field: "kind")
            }
            guard let member = access.actor.member else { throw CommunityError.forbidden("a post needs a member author") }
            try await checkRate(of: member, role: access.role, in: space, tx: tx)
            let threadID: ThreadID = ids.next(at: now)
            let postID: PostID = ids.next(at: now)
            let mentioned = try await resolveMentions(content, in: community, tx: tx)
            let thread = DiscussionThread(id: threadID, communityID: community, spaceID: space, authorID: authorID,
                                          authorIsStaff: access.role.isStaff, kind: kind, title: title, tags: tags, firstPostID: postID, createdAt: now)
            let post = Post(id: postID, communityID: community, spaceID: space, threadID: threadID, number: 1, authorID: authorID,
                            authorIsStaff: access.role.isStaff, body: body, excerpt: content.excerpt, mentions: mentioned.map(\.id),
                            tags: content.tags, links: content.links, createdAt: now)
            try await tx.insert(thread)
            try await tx.insert(post)
            try await tx.follow(authorID, .thread(threadID))
            try await tx.upsert(ReadMarker(memberID: authorID, threadID: threadID, lastReadNumber: 1, updatedAt: now))
            try await tx.recordActivity(.threadCreated, by: actor, subject: SubjectRef("thread", threadID), community: community, space: space,
                                        at: now, ids: ids, payload: ["kind": kind.rawValue, "post": postID.description, "tags": tags.joined(separator: ",")])
            var notified = Set<MemberID>()
            for member in mentioned {
                try await notify(member.id, .mentioned, actor: actor, thread: thread, post: postID, summary: title, space: access.space,
                                 community: community, tx: tx, outbox: outbox, notified: &notified)
            }
            for follower in try await allFollowers(of: .space(space), tx: tx) {
                try await notify(follower, .followedSpaceThread, actor: actor, thread: thread, post: postID, summary: title,
                                 space: access.space, community: community, tx: tx, outbox: outbox, notified: &notified)
            }
            return StartedThread(thread: thread, firstPost: post)
        }
    }

    /// Replies in a thread, optionally to one of its posts.
    ///
    /// Locked and closed threads refuse replies from non-moderators; announcements accept replies
    /// only when the space allows it. The replied-to author, followers of the thread and mentioned
    /// members are notified (each once, never the author of the reply).
    /// - Throws: `invalidInput` (empty or oversized body, `inReplyTo` in another thread or deleted),
    ///   `forbidden` (locked, closed, no replies, no right), `notFound`, `rateLimited`.
    @discardableResult
    public func reply(to threadID: ThreadID, in community: CommunityID, body: String, inReplyTo: PostID? = nil,
                      by actor: Principal) async throws -> Post {
        let authorID = try author(actor)
        let body = try validateBody(body)
        let content = PostContent(markdown: body)
        return try await write { tx, outbox in
            let now = self.now
            var thread = try await requireThread(threadID, in: community, tx: tx)
            let access = try await tx.authorize(.post, by: actor, space: thread.spaceID, in: community, policy: policy, at: now)
            guard let member = access.actor.member else { throw CommunityError.forbidden("a post needs a member author") }
            let moderator = policy.allows(.moderate, in: access.space.visibility, role: access.role, isSpaceMember: access.membership != nil,
                                          status: access.actor.status)
            if thread.isLocked && !moderator { throw CommunityError.forbidden("this thread is locked: only moderators may reply") }
            if thread.isClosed && !moderator { throw CommunityError.forbidden("this thread is closed: only moderators may reply") }
            if thread.kind == .announcement, !moderator, try await !settings(ofSpace: thread.spaceID, tx: tx).repliesToAnnouncements {
                throw CommunityError.forbidden("this space does not allow replies to announcements")
            }
            var parent: Post?
            if let inReplyTo {
                let target = try await requirePost(inReplyTo, in: community, tx: tx, field: "inReplyTo")
                guard target.threadID == threadID else {
                    throw CommunityError.invalidInput("inReplyTo must be a post of the same thread", field: "inReplyTo")
                }
                guard !target.isDeleted else {
                    throw CommunityError.invalidInput("cannot reply to a deleted post", field: "inReplyTo")
                }
                parent = target
            }
            try await checkRate(of: member, role: access.role, in: thread.spaceID, tx: tx)
            let mentioned = try await resolveMentions(content, in: community, tx: tx)
            let post = Post(id: ids.next(at: now), communityID: community, spaceID: thread.spaceID, threadID: threadID,
                            number: thread.lastPostNumber + 1, authorID: authorID, authorIsStaff: access.role.isStaff, body: body,
                            excerpt: content.excerpt, mentions: mentioned.map(\.id), tags: content.tags, links: content.links,
                            inReplyTo: inReplyTo, createdAt: now)
            try await tx.insert(post)
            thread.lastPostNumber = post.number
            thread.postCount += 1
            thread.replyCount += 1
            thread.lastActivityAt = now
            try await tx.update(thread)
            if try await tx.readMarker(of: authorID, in: threadID).map({ $0.lastReadNumber < post.number }) ?? true {
                try await tx.upsert(ReadMarker(memberID: authorID, threadID: threadID, lastReadNumber: post.number, updatedAt: now))
            }
            var payload = ["thread": threadID.description, "number": String(post.number)]
            if let inReplyTo { payload["inReplyTo"] = inReplyTo.description }
            try await tx.recordActivity(.postCreated, by: actor, subject: SubjectRef("post", post.id), community: community,
                                        space: thread.spaceID, at: now, ids: ids, payload: payload)
            var notified = Set<MemberID>()
            for member in mentioned {
                try await notify(member.id, .mentioned, actor: actor, thread: thread, post: post.id, summary: content.excerpt,
                                 space: access.space, community: community, tx: tx, outbox: outbox, notified: &notified)
            }
            if let parentAuthor = parent?.authorID {
                try await notify(parentAuthor, .repliedTo, actor: actor, thread: thread, post: post.id, summary: content.excerpt,
                                 space: access.space, community: community, tx: tx, outbox: outbox, notified: &notified)
            }
            for follower in try await allFollowers(of: .thread(threadID), tx: tx) {
                try await notify(follower, .followedThreadReply, actor: actor, thread: thread, post: post.id, summary: thread.title,
                                 space: access.space, community: community, tx: tx, outbox: outbox, notified: &notified)
            }
            return post
        }
    }

    /// Edits a post (its author or a moderator); the previous body is kept as a revision.
    /// - Throws: `invalidInput`, `forbidden`, `notFound`, `conflict` (deleted post).
    @discardableResult
    public func edit(_ postID: PostID, in community: CommunityID, body: String, by actor: Principal) async throws -> Post {
        let body = try validateBody(body)
        let content = PostContent(markdown: body)
        return try await write { tx, _ in
            let now = self.now
            var post = try await requirePost(postID, in: community, tx: tx)
            let access = try await tx.authorize(.read, by: actor, space: post.spaceID, in: community, policy: policy, at: now)
            try requireAuthorOrModerator(post, actor: actor, access: access)
            guard !post.isDeleted else { throw CommunityError.conflict("a deleted post cannot be edited", field: "post") }
            let revisions = try await tx.revisions(of: postID)
            try await tx.insert(PostRevision(postID: postID, number: revisions.count + 1, previousBody: post.body, editedBy: actor, editedAt: now))
            post.body = body
            post.excerpt = content.excerpt
            post.mentions = try await resolveMentions(content, in: community, tx: tx).map(\.id)
            post.tags = content.tags
            post.links = content.links
            post.editedAt = now
            try await tx.update(post)
            try await tx.recordActivity(.postEdited, by: actor, subject: SubjectRef("post", postID), community: community, space: post.spaceID,
                                        at: now, ids: ids, payload: ["thread": post.threadID.description])
            return post
        }
    }

    /// The edit history of a post, oldest first (anyone who may read it).
    public func revisions(of postID: PostID, in community: CommunityID, by viewer: Principal) async throws -> [PostRevision] {
        try await read { tx in
            let post = try await requirePost(postID, in: community, tx: tx)
            try await tx.authorize(.read, by: viewer, space: post.spaceID, in: community, policy: policy, at: now)
            return try await tx.revisions(of: postID)
        }
    }

    /// Deletes a post (its author or a moderator), leaving a tombstone so the thread still reads.
    /// Deleting the first post deletes the thread. A deleted accepted answer is unaccepted.
    /// - Throws: `forbidden`, `notFound`, `conflict` (already deleted).
    public func delete(_ postID: PostID, in community: CommunityID, by actor: Principal) async throws {
        try await write { tx, _ in
            let now = self.now
            let post = try await requirePost(postID, in: community, tx: tx)
            let access = try await tx.authorize(.read, by: actor, space: post.spaceID, in: community, policy: policy, at: now)
            try requireAuthorOrModerator(post, actor: actor, access: access)
            guard !post.isDeleted else { throw CommunityError.conflict("this post is already deleted", field: "post") }
            var thread = try await requireThread(post.threadID, in: community, tx: tx)
            try await tombstone(post, thread: &thread, by: actor, tx: tx)
            try await tx.update(thread)
        }
    }

    /// Marks a post deleted, adjusts its thread's counters, and logs it; deleting the first post deletes the thread.
    func tombstone(_ post: Post, thread: inout DiscussionThread, by actor: Principal, tx: any DiscussionWriteTransaction) async throws {
        var post = post
        post.body = ""
        post.excerpt = ""
        post.mentions = []
        post.links = []
        post.deletedAt = now
        post.deletedBy = actor
        try await tx.update(post)
        thread.postCount -= 1
        if post.number > 1 { thread.replyCount -= 1 }
        thread.reactionCount -= post.reactionCounts.values.reduce(0, +)
        if thread.acceptedAnswer?.postID == post.id { thread.acceptedAnswer = nil }
        try await tx.recordActivity(.postDeleted, by: actor, subject: SubjectRef("post", post.id), community: post.communityID,
                                    space: post.spaceID, at: now, ids: ids, payload: ["thread": post.threadID.description])
        if post.number == 1 {
            thread.deletedAt = now
            try await tx.recordActivity(.threadDeleted, by: actor, subject: SubjectRef("thread", thread.id), community: post.communityID,
                                        space: post.spaceID, at: now, ids: ids)
        }
    }

    func requireAuthorOrModerator(_ post: Post, actor: Principal, access: SpaceAccess) throws {
        if actor.memberID != nil, actor.memberID == post.authorID, access.actor.status == .active { return }
        let moderator = policy.allows(.moderate, in: access.space.visibility, role: access.role, isSpaceMember: access.membership != nil,
                                      status: access.actor.status)
        guard moderator else { throw CommunityError.forbidden("only the author or a moderator may change this post") }
    }
}
