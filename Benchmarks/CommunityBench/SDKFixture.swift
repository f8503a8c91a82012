import CommunityCore
import CommunityDiscussions
import CommunitySQLite
import Foundation

/// A clock standing still just after the workload's last day: every engine call runs "now".
struct FixedClock: CommunityClock {
    let now: Date
    func sleep(until deadline: Date) async throws {}
}

/// The workload loaded into one SDK backend, with the engine the benches call.
struct SDKFixture: Sendable {
    let backend: String
    let store: any CommunityStore
    let engine: DiscussionEngine
    let community: CommunityID
    let members: [MemberID]
    let spaces: [SpaceID]
    let threads: [ThreadID]
    /// Whether the store holds discussions; `false` when it lacks `DiscussionWriteTransaction`.
    let supportsDiscussions: Bool
    /// Why discussions are unavailable, when they are.
    let unsupportedReason: String?
    /// Removes the backend's files, if any.
    let cleanup: @Sendable () -> Void

    /// The engine of the benches: the default configuration with rate limits lifted (the
    /// benches post far faster than any member could).
    static func engine(store: any CommunityStore, workload: Workload) -> DiscussionEngine {
        let environment = CommunityEnvironment(store: store, clock: FixedClock(now: workload.end.addingTimeInterval(3_600)), ids: .uuidV7)
        return DiscussionEngine(environment, configuration: .init(rateLimits: .init(postsPerMinute: .max, newMemberPostsPerMinute: .max)))
    }

    /// Opens the backend and loads the workload into it, batching many inserts per write
    /// transaction (loading is not timed by the benches; its duration is reported on stderr).
    static func load(_ workload: Workload, backend: String) async throws -> SDKFixture {
        let store: any CommunityStore
        var cleanup: @Sendable () -> Void = {}
        switch backend {
        case "memory":
            store = InMemoryCommunityStore()
        case "sqlite":
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("community-bench-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            store = try SQLiteCommunityStore(path: directory.appendingPathComponent("sdk.sqlite").path)
            cleanup = { try? FileManager.default.removeItem(at: directory) }
        #if Postgres
        case "postgres":
            let (postgres, task) = try await PostgresBenchServer.openStore()
            store = postgres
            cleanup = { task.cancel() }
        #endif
        default:
            throw CommunityError.invalidInput("unknown backend '\(backend)' (memory, sqlite, postgres)", field: "backend")
        }
        let engine = Self.engine(store: store, workload: workload)
        let ids = IDGenerator.uuidV7
        let start = monotonicNanoseconds()

        // Community, spaces and members: one transaction.
        let origin = Workload.start.addingTimeInterval(-Workload.span - 86_400)
        let community = Community(id: ids.next(at: origin), name: "Bench", slug: "bench", createdAt: origin)
        let spaces: [SpaceID] = workload.spaces.indices.map { _ in ids.next(at: origin) }
        let members: [MemberID] = workload.members.map { ids.next(at: $0.joinedAt) }
        try await store.write { tx in
            try await tx.insert(community)
            for (index, space) in workload.spaces.enumerated() {
                try await tx.insert(Space(id: spaces[index], communityID: community.id, name: space.name, slug: space.slug,
                                          tags: [space.tag], createdAt: origin))
            }
            for (index, member) in workload.members.enumerated() {
                let role: Role = index == 0 ? .owner : member.isStaff ? .moderator : .member
                try await tx.insert(Member(id: members[index], communityID: community.id, handle: member.handle,
                                           displayName: member.displayName, role: role, joinedAt: member.joinedAt))
            }
        }

        // Do discussions run on this store? The engine answers with a `storage` error if not.
        do {
            _ = try await engine.threads(in: spaces[0], of: community.id, limit: 1, by: .member(members[0]))
        } catch let error as CommunityError where error.code == .storage {
            return SDKFixture(backend: backend, store: store, engine: engine, community: community.id, members: members, spaces: spaces,
                              threads: [], supportsDiscussions: false, unsupportedReason: error.message, cleanup: cleanup)
        }

        // Ids of threads and posts in chronological order, so they are time-ordered like live ones.
        var threadIDs = [ThreadID](repeating: ThreadID(high: 0, low: 0), count: workload.threads.count)
        var postIDs = [PostID](repeating: PostID(high: 0, low: 0), count: workload.posts.count)
        for (index, post) in workload.posts.enumerated() {
            if post.number == 1 { threadIDs[post.thread] = ids.next(at: post.createdAt) }
            postIDs[index] = ids.next(at: post.createdAt)
        }
        let activityIDs = IDGenerator.uuidV7
        let batch = 4_000

        // Threads (with their final counters), posts and reactions, merged in time order.
        var postCursor = 0, reactionCursor = 0
        while postCursor < workload.posts.count || reactionCursor < workload.reactions.count {
            let postEnd = min(workload.posts.count, postCursor + batch)
            let limit = postEnd < workload.posts.count ? workload.posts[postEnd].createdAt : .distantFuture
            var reactionEnd = reactionCursor
            while reactionEnd < workload.reactions.count, workload.reactions[reactionEnd].createdAt < limit { reactionEnd += 1 }
            let postRange = postCursor..<postEnd, reactionRange = reactionCursor..<reactionEnd
            try await store.write { tx in
                guard let tx = tx as? any DiscussionWriteTransaction else { throw DiscussionEngine.unsupportedStore }
                for index in postRange {
                    let post = workload.posts[index]
                    let thread = workload.threads[post.thread]
                    let threadID = threadIDs[post.thread], space = spaces[thread.space], author = members[post.author]
                    let actor = Principal.member(author)
                    if post.number == 1 {
                        try await tx.insert(Self.thread(thread, id: threadID, firstPost: postIDs[index], community: community.id,
                                                        space: space, members: members, postIDs: postIDs, workload: workload))
                    }
                    let content = PostContent(markdown: post.body)
                    var record = Post(id: postIDs[index], communityID: community.id, spaceID: space, threadID: threadID, number: post.number,
                                      authorID: author, authorIsStaff: workload.members[post.author].isStaff, body: post.body,
                                      excerpt: content.excerpt, mentions: post.mentions.map { members[$0] }, tags: content.tags,
                                      links: content.links, createdAt: post.createdAt)
                    for (emoji, count) in post.reactions { record.reactionCounts[Workload.emoji[emoji]] = count }
                    try await tx.insert(record)
                    if post.number == 1 {
                        try await tx.follow(author, .thread(threadID))
                        _ = try await tx.append(Activity(id: activityIDs.next(at: post.createdAt), communityID: community.id, actor: actor,
                                                         verb: .threadCreated, subject: SubjectRef("thread", threadID), spaceID: space,
                                                         occurredAt: post.createdAt, payload: ["kind": thread.isQuestion ? "question" : "discussion"]))
                    } else {
                        _ = try await tx.append(Activity(id: activityIDs.next(at: post.createdAt), communityID: community.id, actor: actor,
                                                         verb: .postCreated, subject: SubjectRef("post", postIDs[index]), spaceID: space,
                                                         occurredAt: post.createdAt,
                                                         payload: ["thread": threadID.description, "number": String(post.number)]))
                    }
                }
                for index in reactionRange {
                    let reaction = workload.reactions[index]
                    let post = workload.posts[reaction.post]
                    let emoji = Workload.emoji[reaction.emoji]
                    try await tx.insert(Reaction(postID: postIDs[reaction.post], memberID: members[reaction.member], emoji: emoji,
                                                 createdAt: reaction.createdAt))
                    _ = try await tx.append(Activity(id: activityIDs.next(at: reaction.createdAt), communityID: community.id,
                                                     actor: .member(members[reaction.member]), verb: .reactionAdded,
                                                     subject: SubjectRef("post", postIDs[reaction.post]),
                                                     spaceID: spaces[workload.threads[post.thread].space], occurredAt: reaction.createdAt,
                                                     payload: ["emoji": emoji, "thread": threadIDs[post.thread].description]))
                }
            }
            postCursor = postEnd
            reactionCursor = reactionEnd
        }

        // Read state: thread markers, then every member's marks on their home spaces.
        for chunk in stride(from: 0, to: workload.readMarkers.count, by: batch * 4) {
            let range = chunk..<min(workload.readMarkers.count, chunk + batch * 4)
            try await store.write { tx in
                guard let tx = tx as? any DiscussionWriteTransaction else { throw DiscussionEngine.unsupportedStore }
                for marker in workload.readMarkers[range] {
                    try await tx.upsert(ReadMarker(memberID: members[marker.member], threadID: threadIDs[marker.thread],
                                                   lastReadNumber: marker.lastRead, updatedAt: workload.members[marker.member].lastVisit))
                }
            }
        }
        for chunk in stride(from: 0, to: workload.members.count, by: batch / 4) {
            let range = chunk..<min(workload.members.count, chunk + batch / 4)
            try await store.write { tx in
                guard let tx = tx as? any DiscussionWriteTransaction else { throw DiscussionEngine.unsupportedStore }
                for member in range {
                    for space in workload.homeSpaces(of: member) {
                        try await tx.upsert(SpaceReadMark(memberID: members[member], spaceID: spaces[space],
                                                          readUpTo: workload.members[member].lastVisit))
                    }
                }
            }
        }
        if let sqlite = store as? SQLiteCommunityStore {
            // Start the benches from a checkpointed file, as the peer does.
            try RawConnection(path: sqlite.path).execute("PRAGMA wal_checkpoint(TRUNCATE)")
        }
        let seconds = Double(monotonicNanoseconds() - start) / 1e9
        Report.note(String(format: "%@: loaded %d members, %d threads, %d posts, %d reactions, %d read markers in %.1f s (%.0f rows/s)",
                           backend, workload.members.count, workload.threads.count, workload.posts.count, workload.reactions.count,
                           workload.readMarkers.count, seconds,
                           Double(workload.members.count + workload.threads.count + workload.posts.count * 2 + workload.reactions.count * 2
                                  + workload.readMarkers.count) / seconds))
        return SDKFixture(backend: backend, store: store, engine: engine, community: community.id, members: members, spaces: spaces,
                          threads: threadIDs, supportsDiscussions: true, unsupportedReason: nil, cleanup: cleanup)
    }

    /// A thread record in its final state (counters, last activity, accepted answer).
    private static func thread(_ thread: Workload.Thread, id: ThreadID, firstPost: PostID, community: CommunityID, space: SpaceID,
                               members: [MemberID], postIDs: [PostID], workload: Workload) -> DiscussionThread {
        let author = members[thread.author]
        var record = DiscussionThread(id: id, communityID: community, spaceID: space, authorID: author,
                                      authorIsStaff: workload.members[thread.author].isStaff,
                                      kind: thread.isQuestion ? .question : .discussion, title: thread.title, tags: [],
                                      firstPostID: firstPost, createdAt: thread.createdAt)
        record.lastActivityAt = thread.lastActivityAt
        record.lastPostNumber = thread.postCount
        record.postCount = thread.postCount
        record.replyCount = thread.postCount - 1
        record.reactionCount = thread.reactionCount
        if let accepted = thread.acceptedPost {
            let answer = workload.posts[accepted]
            record.acceptedAnswer = AcceptedAnswer(postID: postIDs[accepted], authorID: members[answer.author],
                                                   byStaff: workload.members[answer.author].isStaff, acceptedBy: .member(author),
                                                   acceptedAt: answer.createdAt.addingTimeInterval(3_600))
        }
        return record
    }
}

extension DiscussionEngine {
    /// The error the bench reports when a store cannot hold discussions.
    static let unsupportedStore = CommunityError(.storage, "this store does not implement discussion storage (DiscussionWriteTransaction)")
}
