import CommunityCore
import CommunityDiscussions
import Foundation

extension DiscussionConformance {
    func threadsAndPosts(_ w: DiscussionWorld, _ check: ConformanceCheck) async throws {
        let started = try await w.engine.startThread(
            in: w.general.id, of: w.community, title: "Bienvenue à tous", body: "Hello **@member-3**, see https://swift.org/docs. #Intro #swift",
            tags: ["welcome"], by: .member(w.ada.id))
        try check.equal(started.thread.postCount, 1, "a new thread has its first post")
        try check.equal(started.firstPost.number, 1, "first post number")
        try check.equal(started.firstPost.mentions, [w.bob.id], "mentions resolve to members")
        try check.equal(started.firstPost.tags, ["intro", "swift"], "hashtags")
        try check.equal(started.firstPost.links, ["https://swift.org/docs"], "links")
        try check.equal(started.firstPost.excerpt, "Hello @member-3, see https://swift.org/docs. #Intro #swift", "excerpt without markup")
        let thread = started.thread.id
        var replies: [Post] = []
        for index in 1...7 {
            w.tick()
            replies.append(try await w.engine.reply(to: thread, in: w.community, body: "reply \(index) @nobody-here", by: .member(w.bob.id)))
        }
        try check.equal(replies.map(\.number), Array(2...8), "numbers follow each other")
        try check.equal(replies[0].mentions, [], "unknown handles stay text")
        let reloaded = try await w.engine.thread(thread, in: w.community, by: .member(w.cyd.id))
        try check.equal(reloaded.postCount, 8, "post count")
        try check.equal(reloaded.replyCount, 7, "reply count")
        try check.equal(reloaded.lastActivityAt, w.fixture.clock.now, "last activity")
        let forward = try await w.engine.posts(in: thread, of: w.community, limit: 3, by: .member(w.cyd.id))
        try check.equal(forward.items.map(\.number), [1, 2, 3], "forward first page")
        let next = try await w.engine.posts(in: thread, of: w.community, after: forward.nextCursor, limit: 3, by: .member(w.cyd.id))
        try check.equal(next.items.map(\.number), [4, 5, 6], "forward next page")
        let backward = try await w.engine.posts(in: thread, of: w.community, direction: .backward, limit: 3, by: .member(w.cyd.id))
        try check.equal(backward.items.map(\.number), [8, 7, 6], "backward first page")
        let older = try await w.engine.posts(in: thread, of: w.community, direction: .backward, after: backward.nextCursor, limit: 10, by: .member(w.cyd.id))
        try check.equal(older.items.map(\.number), [5, 4, 3, 2, 1], "backward to the start")
        try check.equal(older.nextCursor, nil, "last page has no cursor")
        let child = try await w.engine.reply(to: thread, in: w.community, body: "answering 3", inReplyTo: replies[1].id, by: .member(w.cyd.id))
        try check.equal(child.inReplyTo, replies[1].id, "inReplyTo")
        let other = try await w.engine.startThread(in: w.general.id, of: w.community, title: "Other", body: "x", by: .member(w.ada.id))
        try await check.throwsCode(.invalidInput, "inReplyTo in another thread") {
            try await w.engine.reply(to: other.thread.id, in: w.community, body: "x", inReplyTo: replies[0].id, by: .member(w.bob.id))
        }
        try await check.throwsCode(.invalidInput, "empty title") {
            try await w.engine.startThread(in: w.general.id, of: w.community, title: "  ", body: "x", by: .member(w.ada.id))
        }
        try await check.throwsCode(.invalidInput, "a body over the limit") {
            try await w.engine.reply(to: thread, in: w.community, body: String(repeating: "a", count: 100_000), by: .member(w.ada.id))
        }
        try await check.throwsCode(.notFound, "an unknown thread") {
            try await w.engine.reply(to: ThreadID(high: 1, low: 1), in: w.community, body: "x", by: .member(w.ada.id))
        }
        let log = try await w.fixture.communityService.activities(in: w.community, after: 0, limit: 1000, by: w.owner)
        try check.equal(log.filter { $0.verb == .postCreated }.count, 8, "one post.created activity per reply")
        try check.equal(log.filter { $0.verb == .threadCreated }.count, 2, "one thread.created activity per thread")
    }

    func listings(_ w: DiscussionWorld, _ check: ConformanceCheck) async throws {
        var threads: [DiscussionThread] = []
        for index in 0..<12 {
            w.tick()
            threads.append(try await w.engine.startThread(in: w.help.id, of: w.community, kind: index % 2 == 0 ? .question : .discussion,
                                                          title: "Thread \(index)", body: "body", by: .member(w.ada.id)).thread)
        }
        w.tick()
        try await w.engine.reply(to: threads[3].id, in: w.community, body: "bump", by: .member(w.bob.id))
        try await w.engine.react(to: threads[5].firstPostID, in: w.community, with: "👍", by: .member(w.bob.id))
        try await w.engine.react(to: threads[5].firstPostID, in: w.community, with: "🎉", by: .member(w.cyd.id))
        try await w.engine.react(to: threads[7].firstPostID, in: w.community, with: "👍", by: .member(w.bob.id))
        w.tick()
        let answer = try await w.engine.reply(to: threads[0].id, in: w.community, body: "answer", by: .member(w.bob.id))
        try await w.engine.accept(answer.id, in: w.community, by: .member(w.ada.id))
        func all(_ order: ThreadOrder, pageSize: Int = 5) async throws -> [ThreadID] {
            var ids: [ThreadID] = []
            var cursor: PageCursor?
            repeat {
                let page = try await w.engine.threads(in: w.help.id, of: w.community, order: order, after: cursor, limit: pageSize, by: .member(w.cyd.id))
                ids += page.items.map(\.id)
                cursor = page.nextCursor
            } while cursor != nil
            return ids
        }
        let newest = threads.reversed().map(\.id)
        try check.equal(try await all(.newest), newest, "newest first")
        try check.equal(try await all(.latestActivity).prefix(2).map { $0 }, [threads[0].id, threads[3].id], "latest activity first")
        try check.equal(try await all(.topReactions).prefix(2).map { $0 }, [threads[5].id, threads[7].id], "most reactions first")
        try check.equal(try await all(.unansweredQuestions), threads.enumerated().filter { $0.offset % 2 == 0 && $0.offset != 0 }.map(\.element.id).reversed(),
                        "questions without an accepted answer")
        // A page boundary survives new threads and bumps arriving between pages.
        let first = try await w.engine.threads(in: w.help.id, of: w.community, order: .newest, limit: 4, by: .member(w.cyd.id))
        w.tick()
        _ = try await w.engine.startThread(in: w.help.id, of: w.community, title: "Late", body: "x", by: .member(w.bob.id))
        let second = try await w.engine.threads(in: w.help.id, of: w.community, order: .newest, after: first.nextCursor, limit: 4, by: .member(w.cyd.id))
        try check.equal(first.items.map(\.id) + second.items.map(\.id), Array(newest.prefix(8)), "no skip or repeat across pages")
        try await w.engine.pin(threads[2].id, in: w.community, at: 2, by: .member(w.moderator.id))
        try await w.engine.pin(threads[9].id, in: w.community, at: 1, by: .member(w.moderator.id))
        try check.equal(try await w.engine.pinnedThreads(in: w.help.id, of: w.community, by: .member(w.cyd.id)).map(\.id),
                        [threads[9].id, threads[2].id], "pinned by order")
        try await check.throwsCode(.invalidInput, "a cursor of another listing") {
            try await w.engine.threads(in: w.help.id, of: w.community, after: PageCursor("5"), by: .member(w.cyd.id))
        }
    }

    func editsAndTombstones(_ w: DiscussionWorld, _ check: ConformanceCheck) async throws {
        let started = try await w.engine.startThread(in: w.general.id, of: w.community, title: "Edits", body: "first version", by: .member(w.ada.id))
        let reply = try await w.engine.reply(to: started.thread.id, in: w.community, body: "draft", by: .member(w.bob.id))
        w.tick()
        try await w.engine.edit(reply.id, in: w.community, body: "second", by: .member(w.bob.id))
        w.tick()
        let edited = try await w.engine.edit(reply.id, in: w.community, body: "third", by: .member(w.moderator.id))
        try check.equal(edited.body, "third", "edited body")
        try check.equal(edited.editedAt, w.fixture.clock.now, "edited at")
        let revisions = try await w.engine.revisions(of: reply.id, in: w.community, by: .member(w.cyd.id))
        try check.equal(revisions.map(\.previousBody), ["draft", "second"], "revision history")
        try check.equal(revisions.map(\.editedBy), [.member(w.bob.id), .member(w.moderator.id)], "who edited")
        try await check.throwsCode(.forbidden, "someone else's post") {
            try await w.engine.edit(reply.id, in: w.community, body: "mine now", by: .member(w.cyd.id))
        }
        try await w.engine.delete(reply.id, in: w.community, by: .member(w.bob.id))
        let posts = try await w.engine.posts(in: started.thread.id, of: w.community, by: .member(w.cyd.id)).items
        try check.equal(posts.count, 2, "the tombstone stays in the timeline")
        try check.that(posts[1].isDeleted && posts[1].body.isEmpty, "tombstone has no body")
        try check.equal(try await w.engine.thread(started.thread.id, in: w.community, by: .member(w.cyd.id)).replyCount, 0, "reply count after delete")
        try await check.throwsCode(.invalidInput, "a reply to a deleted post") {
            try await w.engine.reply(to: started.thread.id, in: w.community, body: "x", inReplyTo: reply.id, by: .member(w.cyd.id))
        }
        try await check.throwsCode(.conflict, "editing a deleted post") {
            try await w.engine.edit(reply.id, in: w.community, body: "x", by: .member(w.bob.id))
        }
        try await w.engine.deleteThread(started.thread.id, in: w.community, by: .member(w.ada.id))
        try await check.throwsCode(.notFound, "a deleted thread for members") {
            try await w.engine.thread(started.thread.id, in: w.community, by: .member(w.cyd.id))
        }
        try check.that(try await w.engine.threads(in: w.general.id, of: w.community, by: .member(w.cyd.id)).items.isEmpty, "deleted threads leave listings")
        try await check.throwsCode(.notFound, "a reply in a deleted thread") {
            try await w.engine.reply(to: started.thread.id, in: w.community, body: "x", by: .member(w.cyd.id))
        }
    }

    func acceptedAnswers(_ w: DiscussionWorld, _ check: ConformanceCheck) async throws {
        let question = try await w.engine.startThread(in: w.help.id, of: w.community, kind: .question, title: "How?", body: "?", by: .member(w.ada.id))
        let staffAnswer = try await w.engine.reply(to: question.thread.id, in: w.community, body: "staff says", by: .member(w.moderator.id))
        let peerAnswer = try await w.engine.reply(to: question.thread.id, in: w.community, body: "peer says", by: .member(w.bob.id))
        try await check.throwsCode(.forbidden, "a third member cannot accept") {
            try await w.engine.accept(peerAnswer.id, in: w.community, by: .member(w.cyd.id))
        }
        try await check.throwsCode(.invalidInput, "the question itself is not an answer") {
            try await w.engine.accept(question.firstPost.id, in: w.community, by: .member(w.ada.id))
        }
        var thread = try await w.engine.accept(staffAnswer.id, in: w.community, by: .member(w.ada.id))
        try check.equal(thread.acceptedAnswer?.byStaff, true, "a staff answer")
        thread = try await w.engine.accept(peerAnswer.id, in: w.community, by: .member(w.moderator.id))
        try check.equal(thread.acceptedAnswer?.postID, peerAnswer.id, "a moderator changes the answer")
        try check.equal(thread.acceptedAnswer?.authorID, w.bob.id, "answered by")
        try check.equal(thread.acceptedAnswer?.byStaff, false, "a peer answer")
        try check.that(thread.isAnswered, "answered")
        let discussion = try await w.engine.startThread(in: w.help.id, of: w.community, title: "Chat", body: "x", by: .member(w.ada.id))
        let reply = try await w.engine.reply(to: discussion.thread.id, in: w.community, body: "y", by: .member(w.bob.id))
        try await check.throwsCode(.invalidInput, "discussions have no accepted answer") {
            try await w.engine.accept(reply.id, in: w.community, by: .member(w.ada.id))
        }
        let inbox = try await w.engine.inbox(in: w.community, by: .member(w.bob.id)).items
        try check.that(inbox.contains { $0.kind == .answerAccepted && $0.postID == peerAnswer.id }, "the answerer is told")
    }

    func reactions(_ w: DiscussionWorld, _ check: ConformanceCheck) async throws {
        let started = try await w.engine.startThread(in: w.general.id, of: w.community, title: "React", body: "x", by: .member(w.ada.id))
        let post = started.firstPost.id
        var summary = try await w.engine.react(to: post, in: w.community, with: "👍", by: .member(w.bob.id))
        summary = try await w.engine.react(to: post, in: w.community, with: "👍", by: .member(w.bob.id))
        try check.equal(summary.counts, ["👍": 1], "reacting twice counts once")
        try check.equal(summary.mine, ["👍"], "mine")
        try await w.engine.react(to: post, in: w.community, with: "🎉", by: .member(w.cyd.id))
        try await w.engine.react(to: post, in: w.community, with: "👍", by: .member(w.cyd.id))
        let seen = try await w.engine.reactions(on: [post], in: w.community, by: .member(w.cyd.id))
        try check.equal(seen.first?.counts, ["👍": 2, "🎉": 1], "counts per emoji")
        try check.equal(seen.first?.mine, ["👍", "🎉"], "did I react, in the same read")
        summary = try await w.engine.unreact(to: post, in: w.community, with: "👍", by: .member(w.bob.id))
        summary = try await w.engine.unreact(to: post, in: w.community, with: "👍", by: .member(w.bob.id))
        try check.equal(summary.counts, ["👍": 1, "🎉": 1], "removing twice counts once")
        try check.equal(try await w.engine.thread(started.thread.id, in: w.community, by: w.owner).reactionCount, 2, "thread counter")
        try await check.throwsCode(.invalidInput, "an emoji outside the community's set") {
            try await w.engine.react(to: post, in: w.community, with: "🍕", by: .member(w.bob.id))
        }
        try await w.engine.configure(CommunityDiscussionSettings(communityID: w.community, allowedReactions: ["🍕"]), by: w.owner)
        try await w.engine.react(to: post, in: w.community, with: "🍕", by: .member(w.bob.id))
        try await check.throwsCode(.forbidden, "guests do not react") {
            try await w.engine.react(to: post, in: w.community, with: "🍕", by: .member(w.guest.id))
        }
    }

    func followsAndInbox(_ w: DiscussionWorld, _ check: ConformanceCheck) async throws {
        try await w.engine.follow(.space(w.general.id), in: w.community, by: .member(w.cyd.id))
        let started = try await w.engine.startThread(in: w.general.id, of: w.community, title: "News", body: "hi @member-3", by: .member(w.ada.id))
        let thread = started.thread.id
        try check.that(try await w.engine.isFollowing(.thread(thread), in: w.community, by: .member(w.ada.id)), "authors follow their threads")
        let reply = try await w.engine.reply(to: thread, in: w.community, body: "thanks", inReplyTo: started.firstPost.id, by: .member(w.bob.id))
        try await w.engine.follow(.thread(thread), in: w.community, by: .member(w.cyd.id))
        try await w.engine.reply(to: thread, in: w.community, body: "me too @member-1", by: .member(w.moderator.id))
        let cyd = try await w.engine.inbox(in: w.community, by: .member(w.cyd.id)).items.map(\.kind)
        try check.equal(cyd, [.followedThreadReply, .followedSpaceThread], "space and thread followers, newest first")
        let ada = try await w.engine.inbox(in: w.community, by: .member(w.ada.id)).items.map(\.kind)
        try check.equal(ada, [.followedThreadReply, .repliedTo], "replied to once per reply, never twice")
        let bob = try await w.engine.inbox(in: w.community, by: .member(w.bob.id)).items
        try check.equal(bob.map(\.kind), [.mentioned], "mentioned; the replier is not told about their own reply")
        try check.equal(bob.first?.postID, started.firstPost.id, "the mention points at its post")
        try check.equal(try await w.engine.unreadInboxCount(in: w.community, by: .member(w.ada.id)), 2, "unread count")
        let adaItems = try await w.engine.inbox(in: w.community, by: .member(w.ada.id)).items
        try await w.engine.markInboxItemRead(adaItems[0].id, in: w.community, by: .member(w.ada.id))
        try check.equal(try await w.engine.inbox(in: w.community, unreadOnly: true, by: .member(w.ada.id)).items.map(\.id), [adaItems[1].id], "unread only")
        try check.equal(try await w.engine.markInboxRead(in: w.community, by: .member(w.ada.id)), 1, "mark all read")
        try check.equal(try await w.engine.unreadInboxCount(in: w.community, by: .member(w.ada.id)), 0, "nothing unread")
        try await w.engine.unfollow(.thread(thread), in: w.community, by: .member(w.ada.id))
        try await w.engine.reply(to: thread, in: w.community, body: "more", by: .member(w.cyd.id))
        try check.equal(try await w.engine.unreadInboxCount(in: w.community, by: .member(w.ada.id)), 0, "unfollowed: no notification")
        // Mentions never leak private content to outsiders.
        let secret = try await w.engine.startThread(in: w.privateSpace.id, of: w.community, title: "Private", body: "hey @member-4", by: .member(w.ada.id))
        try check.that(try await w.engine.inbox(in: w.community, by: .member(w.cyd.id)).items.allSatisfy { $0.threadID != secret.thread.id },
                       "an outsider mentioned in a private space is not notified")
        _ = reply
    }

    func readTracking(_ w: DiscussionWorld, _ check: ConformanceCheck) async throws {
        let a = try await w.engine.startThread(in: w.general.id, of: w.community, title: "A", body: "1", by: .member(w.ada.id)).thread.id
        let b = try await w.engine.startThread(in: w.general.id, of: w.community, title: "B", body: "1", by: .member(w.ada.id)).thread.id
        for _ in 0..<4 { w.tick(); try await w.engine.reply(to: a, in: w.community, body: "r", by: .member(w.bob.id)) }
        try check.equal(try await w.engine.unreadPosts(in: a, of: w.community, by: .member(w.cyd.id)), 5, "never opened: every post unread")
        try check.equal(try await w.engine.unreadPosts(in: a, of: w.community, by: .member(w.bob.id)), 0, "one's own posts are read")
        try await w.engine.markRead(a, in: w.community, upTo: 3, by: .member(w.cyd.id))
        try check.equal(try await w.engine.unreadPosts(in: a, of: w.community, by: .member(w.cyd.id)), 2, "after reading 3")
        try await w.engine.markRead(a, in: w.community, upTo: 2, by: .member(w.cyd.id))
        try check.equal(try await w.engine.unreadPosts(in: a, of: w.community, by: .member(w.cyd.id)), 2, "markers never move back")
        let firstUnread = try await w.engine.postsFromFirstUnread(in: a, of: w.community, limit: 10, by: .member(w.cyd.id))
        try check.equal(firstUnread.items.map(\.number), [4, 5], "jump to first unread")
        var counts = try await w.engine.unreadCounts(in: w.community, by: .member(w.cyd.id))
        let general = counts.first { $0.spaceID == w.general.id }
        try check.equal(general?.threads, 2, "threads with unread posts in the space")
        try check.equal(general?.posts, 3, "unread posts in the space")
        try check.that(!counts.contains { $0.spaceID == w.privateSpace.id || $0.spaceID == w.secretSpace.id }, "only readable spaces")
        try await w.engine.markSpaceRead(w.general.id, in: w.community, by: .member(w.cyd.id))
        counts = try await w.engine.unreadCounts(in: w.community, by: .member(w.cyd.id))
        try check.equal(counts.first { $0.spaceID == w.general.id }?.threads, 0, "mark space read")
        w.tick()
        try await w.engine.reply(to: b, in: w.community, body: "new", by: .member(w.bob.id))
        counts = try await w.engine.unreadCounts(in: w.community, by: .member(w.cyd.id))
        try check.equal(counts.first { $0.spaceID == w.general.id }?.threads, 1, "new activity after the mark is unread again")
        try await check.throwsCode(.invalidInput, "post number 0") {
            try await w.engine.markRead(a, in: w.community, upTo: 0, by: .member(w.cyd.id))
        }
    }
}
