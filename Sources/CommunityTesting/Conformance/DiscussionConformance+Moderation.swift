import CommunityCore
import CommunityDiscussions
import Foundation
import Synchronization

extension DiscussionConformance {
    func search(_ w: DiscussionWorld, _ check: ConformanceCheck) async throws {
        let event = try await w.engine.startThread(in: w.general.id, of: w.community, title: "Prochain événement à Paris",
                                                   body: "Le meetup Swift aura lieu au café", by: .member(w.ada.id))
        let other = try await w.engine.startThread(in: w.help.id, of: w.community, title: "Swift concurrency",
                                                   body: "actors and tasks, evenement loops", by: .member(w.bob.id))
        let reply = try await w.engine.reply(to: other.thread.id, in: w.community, body: "Swift Swift Swift: structured concurrency", by: .member(w.cyd.id))
        let hidden = try await w.engine.startThread(in: w.privateSpace.id, of: w.community, title: "Secret événement", body: "private",
                                                    by: .member(w.ada.id))
        func ids(_ query: String, by viewer: Principal) async throws -> [PostID] {
            try await w.engine.search(query, in: w.community, by: viewer).items.map(\.post.id)
        }
        try check.equal(Set(try await ids("evenement", by: .member(w.bob.id))), [event.firstPost.id, other.firstPost.id], "accents folded both ways")
        try check.equal(try await ids("ÉVÉNEMENT paris", by: .member(w.bob.id)), [event.firstPost.id], "every term required")
        try check.equal(try await ids("meetup caf", by: .member(w.bob.id)), [event.firstPost.id], "the last term is a prefix")
        try check.equal(try await ids("concurrency", by: .member(w.bob.id)).first, reply.id, "ranked: more occurrences rank first")
        try check.that(try await ids("secret", by: .member(w.bob.id)).isEmpty, "private spaces are not searched for outsiders")
        try check.equal(try await ids("secret", by: .member(w.ada.id)), [hidden.firstPost.id], "members of the private space find it")
        let page = try await w.engine.search("swift", in: w.community, limit: 1, by: .member(w.bob.id))
        let rest = try await w.engine.search("swift", in: w.community, after: page.nextCursor, limit: 10, by: .member(w.bob.id))
        try check.equal(Set(page.items.map(\.post.id) + rest.items.map(\.post.id)).count, 3, "pages cover every hit once")
        try await w.engine.edit(reply.id, in: w.community, body: "nothing left", by: .member(w.cyd.id))
        try check.that(!(try await ids("structured", by: .member(w.bob.id))).contains(reply.id), "edits re-index")
        try await w.engine.retitle(event.thread.id, in: w.community, title: "Rencontre à Lyon", by: .member(w.ada.id))
        try check.equal(try await ids("lyon", by: .member(w.bob.id)), [event.firstPost.id], "a new title is searchable")
        try check.that(try await ids("prochain", by: .member(w.bob.id)).isEmpty, "the old title is not")
        try await w.engine.delete(other.firstPost.id, in: w.community, by: .member(w.bob.id))
        try check.that(try await ids("concurrency", by: .member(w.bob.id)).isEmpty, "a deleted thread's posts leave search")
        try await check.throwsCode(.invalidInput, "a query without words") { try await w.engine.search("?!", in: w.community, by: .member(w.bob.id)) }
    }

    func flagsAndModeration(_ w: DiscussionWorld, _ check: ConformanceCheck) async throws {
        let started = try await w.engine.startThread(in: w.general.id, of: w.community, title: "Buy now", body: "cheap pills", by: .member(w.bob.id))
        let post = started.firstPost.id
        try await w.engine.configure(CommunityDiscussionSettings(communityID: w.community, autoHideFlagThreshold: 2), by: w.owner)
        try await check.throwsCode(.invalidInput, "flagging one's own post") {
            try await w.engine.flag(post, in: w.community, reason: .spam, by: .member(w.bob.id))
        }
        try await check.throwsCode(.invalidInput, "other needs a note") {
            try await w.engine.flag(post, in: w.community, reason: .other, by: .member(w.ada.id))
        }
        let flag = try await w.engine.flag(post, in: w.community, reason: .spam, by: .member(w.ada.id))
        try await check.throwsCode(.conflict, "flagging twice") {
            try await w.engine.flag(post, in: w.community, reason: .offensive, by: .member(w.ada.id))
        }
        try check.equal(try await w.engine.posts(in: started.thread.id, of: w.community, by: w.owner).items.first?.hiddenAt, nil, "one flag does not hide")
        try await w.engine.flag(post, in: w.community, reason: .spam, by: .member(w.cyd.id))
        let asSeen = try await w.engine.posts(in: started.thread.id, of: w.community, by: .member(w.cyd.id)).items.first
        try check.that(asSeen?.hiddenAt != nil && asSeen?.body.isEmpty == true, "hidden after the threshold, text withheld from members")
        let asAuthor = try await w.engine.posts(in: started.thread.id, of: w.community, by: .member(w.bob.id)).items.first
        try check.equal(asAuthor?.body, "cheap pills", "the author still sees it")
        try check.that(try await w.engine.inbox(in: w.community, by: .member(w.bob.id)).items.contains { $0.kind == .moderation }, "author told")
        let queue = try await w.engine.moderationQueue(in: w.community, by: .member(w.moderator.id))
        try check.equal(queue.items.count, 2, "both flags queued")
        try await check.throwsCode(.forbidden, "members do not resolve") {
            try await w.engine.resolve(flag.id, in: w.community, as: .dismissed, by: .member(w.ada.id))
        }
        try await w.engine.resolve(flag.id, in: w.community, as: .authorSuspended, by: .member(w.moderator.id))
        try check.that(try await w.engine.moderationQueue(in: w.community, by: .member(w.moderator.id)).items.isEmpty, "every flag of the post resolved")
        let author = try await w.fixture.memberService.member(w.bob.id, in: w.community, by: w.owner)
        try check.equal(author.status.effective(at: w.fixture.clock.now).kind, .suspended, "author suspended")
        try await check.throwsCode(.conflict, "resolving twice") {
            try await w.engine.resolve(flag.id, in: w.community, as: .dismissed, by: .member(w.moderator.id))
        }
        try check.that(try await w.engine.posts(in: started.thread.id, of: w.community, by: w.owner).items.first?.isDeleted == true,
                       "the post is deleted")
        try await check.throwsCode(.notFound, "its thread (it was the first post) is gone for members") {
            try await w.engine.reply(to: started.thread.id, in: w.community, body: "let me", by: .member(w.ada.id))
        }
        try await check.throwsCode(.forbidden, "a suspended member cannot post") {
            try await w.engine.startThread(in: w.general.id, of: w.community, title: "Again", body: "x", by: .member(w.bob.id))
        }
    }

    func threadModeration(_ w: DiscussionWorld, _ check: ConformanceCheck) async throws {
        let started = try await w.engine.startThread(in: w.general.id, of: w.community, kind: .question, title: "Q", body: "?", by: .member(w.ada.id))
        let thread = started.thread.id
        try await check.throwsCode(.forbidden, "members do not lock") { try await w.engine.lock(thread, in: w.community, by: .member(w.bob.id)) }
        try await w.engine.lock(thread, in: w.community, by: .member(w.moderator.id))
        try await check.throwsCode(.forbidden, "a locked thread refuses replies") {
            try await w.engine.reply(to: thread, in: w.community, body: "x", by: .member(w.bob.id))
        }
        try await w.engine.reply(to: thread, in: w.community, body: "mod note", by: .member(w.moderator.id))
        try await w.engine.lock(thread, in: w.community, false, by: .member(w.moderator.id))
        try await w.engine.close(thread, in: w.community, by: .member(w.ada.id))
        try await check.throwsCode(.forbidden, "a closed thread refuses replies") {
            try await w.engine.reply(to: thread, in: w.community, body: "x", by: .member(w.bob.id))
        }
        try await w.engine.close(thread, in: w.community, false, by: .member(w.ada.id))
        let moved = try await w.engine.move(thread, in: w.community, to: w.help.id, by: .member(w.moderator.id))
        try check.equal(moved.spaceID, w.help.id, "moved")
        let posts = try await w.engine.posts(in: thread, of: w.community, by: .member(w.bob.id)).items
        try check.that(posts.allSatisfy { $0.spaceID == w.help.id }, "posts follow their thread")
        try check.that(try await w.engine.threads(in: w.general.id, of: w.community, by: .member(w.bob.id)).items.isEmpty, "left the old space")
        try check.equal(try await w.engine.threads(in: w.help.id, of: w.community, by: .member(w.bob.id)).items.map(\.id), [thread], "in the new space")
        try await check.throwsCode(.notFound, "moving into a space the moderator cannot see") {
            try await w.engine.move(thread, in: w.community, to: w.secretSpace.id, by: .member(w.moderator.id))
        }
        let announcement = try await w.engine.startThread(in: w.general.id, of: w.community, kind: .announcement, title: "Release", body: "v1",
                                                          by: .member(w.moderator.id))
        try await check.throwsCode(.forbidden, "members do not announce") {
            try await w.engine.startThread(in: w.general.id, of: w.community, kind: .announcement, title: "Me", body: "x", by: .member(w.bob.id))
        }
        try await w.engine.configure(SpaceDiscussionSettings(spaceID: w.general.id, repliesToAnnouncements: false), in: w.community, by: .member(w.moderator.id))
        try await check.throwsCode(.forbidden, "no replies to announcements in this space") {
            try await w.engine.reply(to: announcement.thread.id, in: w.community, body: "x", by: .member(w.bob.id))
        }
    }

    func rateLimits(_ world: DiscussionWorld, _ check: ConformanceCheck) async throws {
        let w = DiscussionWorld(fixture: world.fixture, engine: DiscussionEngine(world.fixture.environment,
            configuration: .init(rateLimits: .init(postsPerMinute: 3, newMemberPostsPerMinute: 1, newMemberPeriod: 86_400))))
        let thread = try await w.engine.startThread(in: w.general.id, of: w.community, title: "Busy", body: "x", by: .member(w.moderator.id)).thread.id
        for _ in 0..<3 { try await w.engine.reply(to: thread, in: w.community, body: "x", by: .member(w.bob.id)) }
        do {
            try await w.engine.reply(to: thread, in: w.community, body: "x", by: .member(w.bob.id))
            try check.that(false, "the fourth post in a minute is refused")
        } catch let error as CommunityError {
            try check.equal(error.code, .rateLimited, "rate limited")
            try check.that(error.retryAfter != nil, "with retry-after")
        }
        for _ in 0..<5 { try await w.engine.reply(to: thread, in: w.community, body: "staff", by: .member(w.moderator.id)) }
        w.tick(61)
        try await w.engine.reply(to: thread, in: w.community, body: "x", by: .member(w.bob.id))
        let newcomer = try await w.fixture.memberService.join(w.community, profile: MemberProfile(handle: "newbie", displayName: "New"))
        try await w.engine.reply(to: thread, in: w.community, body: "hi", by: .member(newcomer.id))
        try await check.throwsCode(.rateLimited, "new members have a stricter limit") {
            try await w.engine.reply(to: thread, in: w.community, body: "hi again", by: .member(newcomer.id))
        }
        try await w.engine.configure(SpaceDiscussionSettings(spaceID: w.general.id, slowMode: 30), in: w.community, by: .member(w.moderator.id))
        w.tick(61)
        try await w.engine.reply(to: thread, in: w.community, body: "x", by: .member(w.cyd.id))
        w.tick(10)
        do {
            try await w.engine.reply(to: thread, in: w.community, body: "x", by: .member(w.cyd.id))
            try check.that(false, "slow mode refuses a post 10 s after the last")
        } catch let error as CommunityError {
            try check.equal(error.retryAfter, .seconds(20), "slow mode says how long to wait")
        }
        w.tick(20)
        try await w.engine.reply(to: thread, in: w.community, body: "x", by: .member(w.cyd.id))
    }

    func permissions(_ w: DiscussionWorld, _ check: ConformanceCheck) async throws {
        try await check.throwsCode(.forbidden, "a guest cannot start a thread") {
            try await w.engine.startThread(in: w.general.id, of: w.community, title: "Hi", body: "x", by: .member(w.guest.id))
        }
        let open = try await w.engine.startThread(in: w.general.id, of: w.community, title: "Open", body: "x", by: .member(w.ada.id))
        try await check.throwsCode(.forbidden, "a guest cannot reply") {
            try await w.engine.reply(to: open.thread.id, in: w.community, body: "x", by: .member(w.guest.id))
        }
        try check.equal(try await w.engine.posts(in: open.thread.id, of: w.community, by: .member(w.guest.id)).items.count, 1, "a guest reads public spaces")
        let privateThread = try await w.engine.startThread(in: w.privateSpace.id, of: w.community, title: "Inside", body: "x", by: .member(w.ada.id))
        try await check.throwsCode(.forbidden, "outsiders cannot read a private space") {
            try await w.engine.posts(in: privateThread.thread.id, of: w.community, by: .member(w.bob.id))
        }
        try await check.throwsCode(.notFound, "a secret space does not exist for outsiders") {
            try await w.engine.startThread(in: w.secretSpace.id, of: w.community, title: "x", body: "x", by: .member(w.ada.id))
        }
        try await w.fixture.memberService.ban(w.ada.id, in: w.community, reason: "test", by: w.owner)
        try await check.throwsCode(.notFound, "a banned member cannot even see private spaces, their own included") {
            try await w.engine.posts(in: privateThread.thread.id, of: w.community, by: .member(w.ada.id))
        }
        try await check.throwsCode(.forbidden, "a banned member cannot post") {
            try await w.engine.reply(to: open.thread.id, in: w.community, body: "x", by: .member(w.ada.id))
        }
        try await check.throwsCode(.invalidInput, "the system cannot author posts") {
            try await w.engine.reply(to: open.thread.id, in: w.community, body: "x", by: .system("bot"))
        }
    }

    func concurrentPosting(_ w: DiscussionWorld, _ check: ConformanceCheck) async throws {
        var threads: [ThreadID] = []
        for index in 0..<10 {
            threads.append(try await w.engine.startThread(in: index % 2 == 0 ? w.general.id : w.help.id, of: w.community, title: "T\(index)",
                                                          body: "start", by: .member(w.moderator.id)).thread.id)
        }
        let authors = [w.ada.id, w.bob.id, w.cyd.id]
        let tasks = 1000
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<tasks {
                let thread = threads[index % threads.count], author = authors[index % authors.count]
                group.addTask {
                    try await w.engine.reply(to: thread, in: w.community, body: "message \(index) zanzibar\(index % 7)", by: .member(author))
                    if index % 5 == 0 { try await w.engine.markRead(thread, in: w.community, upTo: 1 + index % 40, by: .member(w.guest.id)) }
                }
            }
            try await group.waitForAll()
        }
        // Recount everything from the posts themselves and compare with the counters.
        var recountedUnread: [SpaceID: (threads: Int, posts: Int)] = [:]
        var total = 0
        for thread in threads {
            let record = try await w.engine.thread(thread, in: w.community, by: w.owner)
            var posts: [Post] = []
            var cursor: PageCursor?
            repeat {
                let page = try await w.engine.posts(in: thread, of: w.community, after: cursor, limit: 200, by: w.owner)
                posts += page.items
                cursor = page.nextCursor
            } while cursor != nil
            try check.equal(posts.map(\.number), Array(1...posts.count), "numbers are dense and unique")
            try check.equal(record.postCount, posts.count, "post counter = recount")
            try check.equal(record.lastPostNumber, posts.count, "last number = recount")
            total += posts.count - 1
            let unread = try await w.engine.unreadPosts(in: thread, of: w.community, by: .member(w.guest.id))
            let read = posts.count - unread
            let marked = threads.firstIndex(of: thread).map { $0 % 5 == 0 } ?? false
            try check.that(marked ? (1...40).contains(read) : read == 0, "a marker within what was marked (\(read) read)")
            if unread > 0 {
                recountedUnread[record.spaceID, default: (0, 0)].threads += 1
                recountedUnread[record.spaceID, default: (0, 0)].posts += unread
            }
        }
        try check.equal(total, tasks, "every reply stored once")
        for count in try await w.engine.unreadCounts(in: w.community, by: .member(w.guest.id)) where count.spaceID == w.general.id || count.spaceID == w.help.id {
            try check.equal(count.threads, recountedUnread[count.spaceID]?.threads ?? 0, "unread threads = recount")
            try check.equal(count.posts, recountedUnread[count.spaceID]?.posts ?? 0, "unread posts = recount")
        }
        var found = 0
        var cursor: PageCursor?
        repeat {
            let page = try await w.engine.search("zanzibar3", in: w.community, after: cursor, limit: 100, by: .member(w.bob.id))
            found += page.items.count
            cursor = page.nextCursor
        } while cursor != nil
        try check.equal(found, (0..<tasks).filter { $0 % 7 == 3 }.count, "search finds every matching reply")
    }

    func realTime(_ w: DiscussionWorld, _ check: ConformanceCheck) async throws {
        let start = try await w.fixture.environment.store.read { tx in try await tx.lastActivitySequence() }
        let expected = 60
        let received = try await withThrowingTaskGroup(of: [Activity].self) { group in
            group.addTask {
                var seen: [Activity] = []
                for try await activity in ActivityStream(store: w.fixture.environment.store, community: w.community, space: w.general.id, after: start, idleWait: .milliseconds(200)) {
                    seen.append(activity)
                    if activity.verb == .postCreated, seen.filter({ $0.verb == .postCreated }).count == expected { break }
                }
                return seen
            }
            group.addTask {
                let thread = try await w.engine.startThread(in: w.general.id, of: w.community, title: "Live", body: "x", by: .member(w.ada.id)).thread.id
                let other = try await w.engine.startThread(in: w.help.id, of: w.community, title: "Elsewhere", body: "x", by: .member(w.ada.id)).thread.id
                for index in 0..<expected {
                    try await w.engine.reply(to: thread, in: w.community, body: "\(index)", by: .member(w.bob.id))
                    try await w.engine.reply(to: other, in: w.community, body: "\(index)", by: .member(w.bob.id))
                    if index % 10 == 0 { try await Task.sleep(for: .milliseconds(5)) }
                }
                return []
            }
            var all: [Activity] = []
            for try await part in group { all += part }
            return all
        }
        let posts = received.filter { $0.verb == .postCreated }
        try check.equal(posts.count, expected, "every reply of the space streamed, none of another space")
        try check.that(received.allSatisfy { $0.spaceID == w.general.id }, "only the space's activities")
        try check.equal(received.map(\.sequence), received.map(\.sequence).sorted(), "in log order")
        try check.equal(posts.compactMap { $0.payload["number"] }, (2...(expected + 1)).map(String.init), "no loss, no duplicate")
    }
}
