public import CommunityCore
import Foundation

extension DiscussionEngine {
    // MARK: Settings

    /// Sets the community's reaction set and auto-hide threshold (admins).
    /// - Throws: `invalidInput` (empty or oversized set, blank emoji, threshold below 1), `forbidden`.
    public func configure(_ settings: CommunityDiscussionSettings, by actor: Principal) async throws {
        guard (1...50).contains(settings.allowedReactions.count),
              settings.allowedReactions.allSatisfy({ !$0.isEmpty && $0.count <= 4 && !$0.contains(where: \.isWhitespace) }) else {
            throw CommunityError.invalidInput("allowedReactions holds 1 to 50 emoji without spaces", field: "allowedReactions")
        }
        guard (1...1000).contains(settings.autoHideFlagThreshold) else {
            throw CommunityError.invalidInput("autoHideFlagThreshold must be between 1 and 1,000", field: "autoHideFlagThreshold")
        }
        try await write { tx, _ in
            try await tx.authorize(.manageCommunity, by: actor, in: settings.communityID, policy: policy, at: now)
            try await tx.upsert(settings)
            try await tx.recordActivity(.discussionSettingsChanged, by: actor, subject: SubjectRef("community", settings.communityID),
                                        community: settings.communityID, at: now, ids: ids)
        }
    }

    /// Sets a space's slow mode and whether announcements take replies (moderators of the space).
    /// - Throws: `invalidInput` (slow mode outside 1 s … 1 day), `forbidden`, `notFound`.
    public func configure(_ settings: SpaceDiscussionSettings, in community: CommunityID, by actor: Principal) async throws {
        if let slowMode = settings.slowMode, !(1...86_400).contains(slowMode) {
            throw CommunityError.invalidInput("slowMode must be between 1 second and 1 day", field: "slowMode")
        }
        try await write { tx, _ in
            try await tx.authorize(.moderate, by: actor, space: settings.spaceID, in: community, policy: policy, at: now)
            try await tx.upsert(settings)
            try await tx.recordActivity(.discussionSettingsChanged, by: actor, subject: SubjectRef("space", settings.spaceID),
                                        community: community, space: settings.spaceID, at: now, ids: ids)
        }
    }

    // MARK: Flags

    /// Flags a post for the moderators. Once enough distinct members flagged it (the community's
    /// threshold), it is hidden automatically and its author is told.
    /// - Parameter note: Required for `.other`, up to 500 characters.
    /// - Throws: `invalidInput` (own post, missing note), `conflict` (already flagged by this member), `forbidden`, `notFound`.
    @discardableResult
    public func flag(_ postID: PostID, in community: CommunityID, reason: Flag.Reason, note: String = "", by actor: Principal) async throws -> Flag {
        let reporter = try author(actor)
        try Validate.text(note, field: "note", max: 500)
        if reason == .other, note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw CommunityError.invalidInput("a flag for another reason needs a note saying what is wrong", field: "note")
        }
        return try await write { tx, outbox in
            let now = self.now
            var post = try await requirePost(postID, in: community, tx: tx)
            let access = try await tx.authorize(.react, by: actor, space: post.spaceID, in: community, policy: policy, at: now)
            guard post.authorID != reporter else { throw CommunityError.invalidInput("members cannot flag their own posts", field: "post") }
            guard !post.isDeleted else { throw CommunityError.invalidInput("this post is already deleted", field: "post") }
            let existing = try await tx.flags(on: postID)
            guard !existing.contains(where: { $0.reporterID == reporter && $0.resolution == nil }) else {
                throw CommunityError.conflict("you already flagged this post", field: "post")
            }
            let flag = Flag(id: ids.next(at: now), communityID: community, spaceID: post.spaceID, postID: postID, reporterID: reporter,
                            reason: reason, note: note, createdAt: now)
            try await tx.insert(flag)
            try await tx.recordActivity(.postFlagged, by: actor, subject: SubjectRef("post", postID), community: community, space: post.spaceID,
                                        at: now, ids: ids, payload: ["reason": reason.rawValue])
            let reporters = Set(existing.filter { $0.resolution == nil }.map(\.reporterID)).union([reporter])
            if post.hiddenAt == nil, reporters.count >= (try await settings(of: community, tx: tx)).autoHideFlagThreshold {
                post.hiddenAt = now
                try await tx.update(post)
                try await tx.recordActivity(.postHidden, by: .system("auto-hide"), subject: SubjectRef("post", postID), community: community,
                                            space: post.spaceID, at: now, ids: ids, payload: ["flags": String(reporters.count)])
                if let author = post.authorID {
                    var notified = Set<MemberID>()
                    try await notify(author, .moderation, actor: .system("auto-hide"), thread: nil, post: postID,
                                     summary: "Your post was hidden after \(reporters.count) flags, pending review", space: access.space,
                                     community: community, tx: tx, outbox: outbox, notified: &notified)
                }
            }
            return flag
        }
    }

    /// The moderation queue: open flags of the spaces the moderator moderates, oldest first.
    public func moderationQueue(in community: CommunityID, after: PageCursor? = nil, limit: Int = 50, by actor: Principal) async throws -> Page<Flag> {
        try Validate.limit(limit)
        var cursor: FlagID? = try after?.identifier()
        return try await read { tx in
            let acting = try await tx.acting(actor, in: community, at: now)
            guard acting.isSystem || acting.role.isStaff || acting.member != nil else { throw CommunityError.forbidden("moderators only") }
            var result: [Flag] = []
            var moderated: [SpaceID: Bool] = [:]
            while result.count < limit {
                let flags = try await tx.openFlags(in: community, after: cursor, limit: limit)
                for flag in flags where result.count < limit {
                    cursor = flag.id
                    if moderated[flag.spaceID] == nil {
                        moderated[flag.spaceID] = (try? await tx.authorize(.moderate, by: actor, space: flag.spaceID, in: community, policy: policy, at: now)) != nil
                    }
                    if moderated[flag.spaceID] == true { result.append(flag) }
                }
                if flags.count < limit { return Page(items: result, nextCursor: nil) }
            }
            return Page(items: result, nextCursor: cursor.map(PageCursor.init(after:)))
        }
    }

    /// Resolves a flag — and every other open flag of the same post — with one decision.
    /// - Parameters:
    ///   - resolution: Dismiss (the post is unhidden), hide, delete, or delete and suspend the author.
    ///   - suspension: For `.authorSuspended`, how long (default 7 days).
    /// - Throws: `forbidden`, `notFound`, `conflict` (already resolved).
    public func resolve(_ flagID: FlagID, in community: CommunityID, as resolution: Flag.Resolution, suspension: TimeInterval = 7 * 86_400,
                        by actor: Principal) async throws {
        guard (60...(365 * 86_400)).contains(suspension) else {
            throw CommunityError.invalidInput("a suspension lasts from 60 seconds to 365 days", field: "suspension")
        }
        try await write { tx, outbox in
            let now = self.now
            guard let flag = try await tx.flag(flagID, in: community) else {
                throw CommunityError.notFound("no flag with id \(flagID) in this community", field: "flag")
            }
            guard flag.resolution == nil else { throw CommunityError.conflict("this flag is already \(flag.resolution?.rawValue ?? "resolved")", field: "flag") }
            var post = try await requirePost(flag.postID, in: community, tx: tx)
            let access = try await tx.authorize(.moderate, by: actor, space: post.spaceID, in: community, policy: policy, at: now)
            for var open in try await tx.flags(on: post.id) where open.resolution == nil {
                open.resolution = resolution
                open.resolvedBy = actor
                open.resolvedAt = now
                try await tx.update(open)
            }
            var message: String
            switch resolution {
            case .dismissed:
                message = "A moderator reviewed the flags on your post and kept it"
                if post.hiddenAt != nil {
                    post.hiddenAt = nil
                    try await tx.update(post)
                }
            case .hidden:
                message = "A moderator hid your post"
                if post.hiddenAt == nil {
                    post.hiddenAt = now
                    try await tx.update(post)
                }
            case .deleted, .authorSuspended:
                message = "A moderator deleted your post"
                if !post.isDeleted {
                    var thread = try await requireThread(post.threadID, in: community, tx: tx, allowDeleted: true)
                    try await tombstone(post, thread: &thread, by: actor, tx: tx)
                    try await tx.update(thread)
                }
                if resolution == .authorSuspended, let authorID = post.authorID, var author = try await tx.member(authorID, in: community) {
                    guard author.role < access.role || access.actor.isSystem, author.role != .owner else {
                        throw CommunityError.forbidden("a \(access.role.rawValue) may not suspend a \(author.role.rawValue)")
                    }
                    author.status = .suspended(until: now.addingTimeInterval(suspension), reason: "flagged post: \(flag.reason.rawValue)")
                    try await tx.update(author)
                    try await tx.recordActivity(.memberSuspended, by: actor, subject: SubjectRef("member", authorID), community: community,
                                                at: now, ids: ids, payload: ["reason": "flagged post"])
                    message += " and suspended your account"
                }
            }
            try await tx.recordActivity(.flagResolved, by: actor, subject: SubjectRef("post", post.id), community: community, space: post.spaceID,
                                        at: now, ids: ids, payload: ["resolution": resolution.rawValue])
            if let author = post.authorID {
                var notified = Set<MemberID>()
                try await notify(author, .moderation, actor: actor, thread: nil, post: post.id, summary: message, space: nil,
                                 community: community, tx: tx, outbox: outbox, notified: &notified)
            }
        }
    }

    // MARK: Digest

    /// The member's digest of a period: the threads active in `[from, to)` in spaces they can read,
    /// with unread posts, most discussed first (replies plus reactions), at most `limit`.
    public func digest(for member: MemberID, in community: CommunityID, from: Date, to: Date, limit: Int = 10) async throws -> [DigestEntry] {
        try Validate.limit(limit, max: 100)
        guard from < to else { throw CommunityError.invalidInput("the period must end after it starts", field: "to") }
        return try await read { tx in
            guard let me = try await tx.member(member, in: community) else {
                throw CommunityError.notFound("no member with id \(member) in this community", field: "member")
            }
            var entries: [DigestEntry] = []
            var cursor: SpaceID?
            while true {
                let spaces = try await tx.spaces(in: community, after: cursor, limit: 200)
                for space in spaces where try await canRead(me, space: space, tx: tx) {
                    let mark = try await tx.spaceReadMark(of: member, in: space.id)?.readUpTo ?? .distantPast
                    var position: ThreadPosition?
                    scan: while true {
                        let threads = try await tx.threads(in: space.id, order: .latestActivity, after: position, limit: 100)
                        for thread in threads {
                            guard thread.lastActivityAt >= from else { break scan }
                            guard thread.lastActivityAt < to else { continue }
                            let unread = try await unread(thread, member: me, readUpTo: mark, tx: tx)
                            if unread > 0 { entries.append(DigestEntry(thread: thread, unreadPosts: unread)) }
                        }
                        guard threads.count == 100, let last = threads.last else { break }
                        position = ThreadPosition(last, order: .latestActivity)
                    }
                }
                guard spaces.count == 200, let last = spaces.last else { break }
                cursor = last.id
            }
            return Array(entries.sorted {
                ($0.thread.replyCount + $0.thread.reactionCount, $0.thread.lastActivityAt) > ($1.thread.replyCount + $1.thread.reactionCount, $1.thread.lastActivityAt)
            }.prefix(limit))
        }
    }
}
