import CommunityCore
import Foundation

extension DiscussionEngine {
    /// The member acting, who must be able to write: the system principal cannot author posts.
    func author(_ principal: Principal) throws -> MemberID {
        guard let member = principal.memberID else {
            throw CommunityError.invalidInput("posts, reactions, follows and flags need a member as actor, not \(principal)", field: "actor")
        }
        return member
    }

    func requireThread(_ id: ThreadID, in community: CommunityID, tx: any DiscussionReadTransaction, allowDeleted: Bool = false) async throws -> DiscussionThread {
        guard let thread = try await tx.thread(id, in: community), allowDeleted || thread.deletedAt == nil else {
            throw CommunityError.notFound("no thread with id \(id) in this community", field: "thread")
        }
        return thread
    }

    func requirePost(_ id: PostID, in community: CommunityID, tx: any DiscussionReadTransaction, field: String = "post") async throws -> Post {
        guard let post = try await tx.post(id, in: community) else {
            throw CommunityError.notFound("no post with id \(id) in this community", field: field)
        }
        return post
    }

    func settings(of community: CommunityID, tx: any DiscussionReadTransaction) async throws -> CommunityDiscussionSettings {
        try await tx.discussionSettings(of: community) ?? CommunityDiscussionSettings(communityID: community)
    }

    func settings(ofSpace space: SpaceID, tx: any DiscussionReadTransaction) async throws -> SpaceDiscussionSettings {
        try await tx.discussionSettings(ofSpace: space) ?? SpaceDiscussionSettings(spaceID: space)
    }

    func validateBody(_ body: String) throws -> String {
        try Validate.text(body, field: "body", max: configuration.maxBodyLength)
        // Blank when every scalar is whitespace or a newline (what trimming them would leave empty).
        guard body.unicodeScalars.contains(where: { !CharacterSet.whitespacesAndNewlines.contains($0) }) else {
            throw CommunityError.invalidInput("body must not be empty or only whitespace", field: "body")
        }
        return body
    }

    /// Refuses a post that breaks the rate limit or the space's slow mode.
    func checkRate(of member: Member, role: Role, in space: SpaceID, tx: any DiscussionReadTransaction) async throws {
        guard !role.isStaff else { return }
        let limits = configuration.rateLimits
        let isNew = now.timeIntervalSince(member.joinedAt) < limits.newMemberPeriod
        let allowed = isNew ? limits.newMemberPostsPerMinute : limits.postsPerMinute
        if try await tx.postCount(by: member.id, since: now.addingTimeInterval(-60)) >= allowed {
            throw CommunityError(.rateLimited, "at most \(allowed) posts a minute\(isNew ? " for new members" : ""); wait before posting again",
                                 retryAfter: .seconds(60))
        }
        if let slowMode = try await settings(ofSpace: space, tx: tx).slowMode,
           let last = try await tx.lastPostDate(by: member.id, in: space) {
            let wait = last.addingTimeInterval(slowMode).timeIntervalSince(now)
            if wait > 0 {
                throw CommunityError(.rateLimited, "slow mode: one post every \(Int(slowMode)) seconds in this space",
                                     retryAfter: .milliseconds(Int64((wait * 1000).rounded(.up))))
            }
        }
    }

    /// Members mentioned in `content` who exist in the community.
    func resolveMentions(_ content: PostContent, in community: CommunityID, tx: any DiscussionReadTransaction) async throws -> [Member] {
        var members: [Member] = []
        for handle in content.mentionedHandles.prefix(50) {
            if let member = try await tx.member(handle: handle, in: community) { members.append(member) }
        }
        return members
    }

    /// Whether a member may read a space (used to keep notifications from leaking private content).
    func canRead(_ member: Member, space: Space, tx: any DiscussionReadTransaction) async throws -> Bool {
        canRead(member, space: space, membership: try await tx.membership(of: member.id, in: space.id))
    }

    /// Whether a member with this membership of the space (or none) may read it.
    func canRead(_ member: Member, space: Space, membership: Membership?) -> Bool {
        let role = policy.effectiveRole(communityRole: member.role, membership: membership)
        return policy.allows(.read, in: space.visibility, role: role, isSpaceMember: membership != nil,
                             status: member.status.effective(at: now).kind)
    }

    /// The community's spaces `member` may read, in identifier order (every space for the system,
    /// `nil`): the same answer as ``canRead(_:space:tx:)`` per space, from one page of spaces and
    /// one page of the member's memberships at a time instead of a membership read per space.
    func readableSpaces(by member: Member?, in community: CommunityID, tx: any DiscussionReadTransaction) async throws -> [Space] {
        var spaces: [Space] = []
        var cursor: SpaceID?
        while true {
            let page = try await tx.spaces(in: community, after: cursor, limit: 200)
            spaces += page
            guard page.count == 200, let last = page.last else { break }
            cursor = last.id
        }
        guard let member else { return spaces }
        var memberships: [SpaceID: Membership] = [:]
        var after: SpaceID?
        while true {
            let page = try await tx.memberships(of: member.id, after: after, limit: 200)
            for membership in page { memberships[membership.spaceID] = membership }
            guard page.count == 200, let last = page.last else { break }
            after = last.spaceID
        }
        let status = member.status.effective(at: now).kind
        return spaces.filter { space in
            let membership = memberships[space.id]
            let role = policy.effectiveRole(communityRole: member.role, membership: membership)
            return policy.allows(.read, in: space.visibility, role: role, isSpaceMember: membership != nil, status: status)
        }
    }

    /// Adds an inbox item for `recipient` unless they are the actor or cannot read the space.
    func notify(_ recipient: MemberID, _ kind: InboxItem.Kind, actor: Principal, thread: DiscussionThread?, post: PostID?,
                summary: String, space: Space?, community: CommunityID, tx: any DiscussionWriteTransaction, outbox: Outbox,
                notified: inout Set<MemberID>) async throws {
        guard actor != .member(recipient), !notified.contains(recipient) else { return }
        if let space {
            // The recipient and their membership of the space in one read.
            let records = try await tx.accessRecords(of: recipient, space: space.id, in: community)
            guard let member = records.member, canRead(member, space: space, membership: records.membership) else { return }
        } else {
            guard try await tx.member(recipient, in: community) != nil else { return }
        }
        notified.insert(recipient)
        let item = InboxItem(id: ids.next(at: now), communityID: community, memberID: recipient, kind: kind, actor: actor,
                             threadID: thread?.id, postID: post, summary: String(summary.prefix(200)), createdAt: now)
        try await tx.insert(item)
        outbox.items.append(item)
    }

    /// Every follower of a target, page by page.
    func allFollowers(of target: FollowTarget, tx: any DiscussionReadTransaction) async throws -> [MemberID] {
        var result: [MemberID] = []
        var cursor: MemberID?
        while true {
            let page = try await tx.followers(of: target, after: cursor, limit: 500)
            result += page
            guard page.count == 500, let last = page.last else { return result }
            cursor = last
        }
    }

    /// A viewer's copy of a post: hidden posts keep their text only for staff and their author.
    func redacted(_ post: Post, for viewer: Principal, role: Role) -> Post {
        guard post.hiddenAt != nil, !role.isStaff, viewer.memberID != post.authorID, viewer.memberID != nil else { return post }
        var copy = post
        copy.body = ""
        copy.excerpt = ""
        return copy
    }
}
