import CommunityCore
import CommunitySQLite
import Foundation
import Testing

/// Every discussion operation of the SQLite store, checked against the in-memory reference:
/// each scenario runs on both stores and every read must agree.
@Suite struct SQLiteDiscussionTests {
    let folder: TemporaryFolder
    let pair: ReferencePair
    let f = Fixtures()
    let world: DiscussionWorld

    init() async throws {
        folder = try TemporaryFolder()
        pair = try ReferencePair(folder)
        world = DiscussionWorld(f)
        for store in pair.stores { try await world.store(in: store) }
    }

    var community: CommunityID { world.community.id }
    var author: MemberID { world.members[0].id }

    @Test func settingsUpsertAndRead() async throws {
        #expect(try await pair.read { try await $0.discussionSettings(of: community) } == nil)
        #expect(try await pair.read { try await $0.discussionSettings(ofSpace: world.space.id) } == nil)
        let settings = CommunityDiscussionSettings(communityID: community, allowedReactions: ["👍", "🎉"], autoHideFlagThreshold: 5)
        let spaceSettings = SpaceDiscussionSettings(spaceID: world.space.id, repliesToAnnouncements: false, slowMode: 30.5)
        try await pair.write { tx in
            try await tx.upsert(settings)
            try await tx.upsert(spaceSettings)
        }
        #expect(try await pair.read { try await $0.discussionSettings(of: community) } == settings)
        #expect(try await pair.read { try await $0.discussionSettings(ofSpace: world.space.id) } == spaceSettings)
        var changed = settings
        changed.allowedReactions = ["🚀"]
        changed.autoHideFlagThreshold = 1
        var changedSpace = spaceSettings
        changedSpace.slowMode = nil
        changedSpace.repliesToAnnouncements = true
        try await pair.write { tx in
            try await tx.upsert(changed)
            try await tx.upsert(changedSpace)
        }
        #expect(try await pair.read { try await $0.discussionSettings(of: community) } == changed)
        #expect(try await pair.read { try await $0.discussionSettings(ofSpace: world.space.id) } == changedSpace)
    }

    @Test func threadsRoundTripWithConflictsAndTenancy() async throws {
        var thread = f.thread(world.space, author: author, kind: .question, title: "Comment déployer ?", at: 0.123456789)
        try await pair.write { tx in
            try await tx.insert(thread)
            try await tx.insert(f.post(thread, number: 1, author: author))
        }
        #expect(try await pair.read { try await $0.thread(thread.id, in: community) } == thread)
        let other = f.community(slug: "other")
        try await pair.read { try await $0.thread(thread.id, in: other.id) }
        try await pair.expectFailure(.conflict) { try await $0.insert(thread) }
        var elsewhere = f.thread(world.space, author: author)
        elsewhere.communityID = other.id
        try await pair.expectFailure(.notFound) { try await $0.insert(elsewhere) }
        try await pair.expectFailure(.notFound) { try await $0.update(f.thread(world.space, author: author)) }

        let answer = f.post(thread, number: 2, author: world.members[1].id, at: 10)
        thread.acceptedAnswer = AcceptedAnswer(postID: answer.id, authorID: world.members[1].id, byStaff: true, acceptedBy: .member(author),
                                               acceptedAt: f.epoch.addingTimeInterval(20.25))
        thread.pinOrder = 2
        thread.isLocked = true
        thread.isClosed = true
        thread.lastPostNumber = 2
        thread.postCount = 2
        thread.replyCount = 1
        thread.reactionCount = 7
        thread.lastActivityAt = f.epoch.addingTimeInterval(10)
        thread.deletedAt = f.epoch.addingTimeInterval(30)
        thread.tags = []
        try await pair.write { tx in
            try await tx.insert(answer)
            try await tx.update(thread)
        }
        #expect(try await pair.read { try await $0.thread(thread.id, in: community) } == thread)
    }

    @Test(arguments: ThreadOrder.allCases)
    func threadListingsFollowThePositionOrder(_ order: ThreadOrder) async throws {
        var threads: [DiscussionThread] = []
        for index in 0..<23 {
            var thread = f.thread(world.space, author: author, kind: index % 3 == 0 ? .question : .discussion, title: "t\(index)",
                                  at: Double(index % 5) * 60)  // several threads per created key
            thread.lastActivityAt = f.epoch.addingTimeInterval(Double((index * 7) % 4) * 3600 + 0.0004)
            thread.reactionCount = index % 4
            if index % 6 == 0 {
                thread.acceptedAnswer = AcceptedAnswer(postID: f.id(), authorID: author, byStaff: false, acceptedBy: .member(author),
                                                       acceptedAt: f.epoch)
            }
            if index % 5 == 4 { thread.deletedAt = f.epoch }
            threads.append(thread)
        }
        let elsewhere = f.thread(world.otherSpace, author: author, kind: .question)
        try await pair.write { tx in
            for thread in threads { try await tx.insert(thread) }
            try await tx.insert(elsewhere)
        }
        let expected = threads.filter { ThreadPosition.lists($0, in: order) }
            .sorted { ThreadPosition($0, order: order).precedes(ThreadPosition($1, order: order)) }.map(\.id)
        for pageSize in [1, 4, 100] {
            let listed = try await pair.read { try await fullListing($0, space: world.space.id, order: order, pageSize: pageSize) }
            #expect(listed == expected)
        }
        try await pair.read { try await $0.threads(in: world.space.id, order: order, after: nil, limit: 0) }
        try await pair.read { try await $0.threads(in: world.space.id, order: order, after: nil, limit: -3) }

        // Updates move threads between and out of listings.
        var moved = threads[1]
        moved.reactionCount = 99
        moved.lastActivityAt = f.epoch.addingTimeInterval(86_400)
        moved.spaceID = world.otherSpace.id
        var answered = threads[3]
        answered.acceptedAnswer = AcceptedAnswer(postID: f.id(), authorID: author, byStaff: false, acceptedBy: .member(author), acceptedAt: f.epoch)
        var deleted = threads[2]
        deleted.deletedAt = f.epoch
        try await pair.write { tx in
            try await tx.update(moved)
            try await tx.update(answered)
            try await tx.update(deleted)
        }
        for space in [world.space.id, world.otherSpace.id] {
            try await pair.read { try await fullListing($0, space: space, order: order, pageSize: 3) }
        }
        // A cursor that is not a listed thread still pages from its position.
        let position = ThreadPosition(key: ThreadPosition.key(of: threads[0], order: order), threadID: f.id())
        try await pair.read { try await $0.threads(in: world.space.id, order: order, after: position, limit: 50).map(\.id) }
    }

    @Test func unrepresentableThreadDatesAreRefusedNotTrapped() async throws {
        for date in [Date(timeIntervalSince1970: .nan), Date(timeIntervalSince1970: 1e300), Date(timeIntervalSince1970: -.infinity)] {
            var thread = f.thread(world.space, author: author)
            thread.lastActivityAt = date
            do {
                try await pair.sqlite.write { try await ReferencePair.discussions($0).insert(thread) }
                Issue.record("expected invalidInput for \(date)")
            } catch let error as CommunityError {
                #expect(error.code == .invalidInput)
                #expect(error.field == "lastActivityAt")
            }
        }
    }

    @Test func pinnedThreadsByPinOrderThenID() async throws {
        var threads = (0..<5).map { f.thread(world.space, author: author, title: "p\($0)") }
        threads[0].pinOrder = 3
        threads[1].pinOrder = 1
        threads[2].pinOrder = 1
        threads[3].pinOrder = 0
        threads[3].deletedAt = f.epoch
        try await pair.write { tx in for thread in threads { try await tx.insert(thread) } }
        #expect(try await pair.read { try await $0.pinnedThreads(in: world.space.id).map(\.id) } == [threads[1].id, threads[2].id, threads[0].id])
        threads[1].pinOrder = nil
        try await pair.write { try await $0.update(threads[1]) }
        try await pair.read { try await $0.pinnedThreads(in: world.space.id) }
    }

    @Test func postsByNumberBothWays() async throws {
        let thread = f.thread(world.space, author: author)
        var posts = [f.post(thread, number: 1, author: author, body: "first")]
        for number in 2...12 { posts.append(f.post(thread, number: number, author: world.members[number % 3].id, body: "reply \(number)", at: Double(number))) }
        posts[4].deletedAt = f.epoch
        posts[4].deletedBy = .member(author)
        posts[5].hiddenAt = f.epoch
        posts[6].mentions = [world.members[1].id]
        posts[6].tags = ["swift"]
        posts[6].links = ["https://swift.org"]
        posts[6].inReplyTo = posts[1].id
        posts[6].reactionCounts = ["👍": 2, "🎉": 1]
        posts[7].editedAt = f.epoch.addingTimeInterval(99.5)
        posts[8].authorID = nil
        try await pair.write { tx in
            try await tx.insert(thread)
            for post in posts { try await tx.insert(post) }
        }
        for post in posts { #expect(try await pair.read { try await $0.post(post.id, in: community) } == post) }
        for after in [0, 1, 5, 12, 13] {
            for limit in [0, 1, 3, 20] {
                try await pair.read { try await $0.posts(in: thread.id, after: after, direction: .forward, limit: limit) }
                try await pair.read { try await $0.posts(in: thread.id, after: after, direction: .backward, limit: limit) }
            }
        }
        #expect(try await pair.read { try await $0.posts(in: thread.id, after: 10, direction: .backward, limit: 3).map(\.number) } == [9, 8, 7])
        #expect(try await pair.read { try await $0.posts(in: thread.id, after: 10, direction: .forward, limit: 3).map(\.number) } == [11, 12])
        try await pair.read { try await $0.post(posts[0].id, in: f.community(slug: "x").id) }

        try await pair.expectFailure(.conflict) { try await $0.insert(posts[3]) }
        try await pair.expectFailure(.conflict) { try await $0.insert(f.post(thread, number: 3, author: author, id: f.id())) }
        try await pair.expectFailure(.notFound) { try await $0.insert(f.post(f.thread(world.space, author: author), number: 1, author: author)) }
        try await pair.expectFailure(.notFound) { try await $0.update(f.post(thread, number: 20, author: author, id: f.id())) }

        var edited = posts[2]
        edited.body = "edited"
        edited.reactionCounts = ["🚀": 4]
        try await pair.write { try await $0.update(edited) }
        #expect(try await pair.read { try await $0.post(edited.id, in: community) } == edited)
    }

    @Test func revisionsOldestFirst() async throws {
        let thread = f.thread(world.space, author: author)
        let post = f.post(thread, number: 1, author: author)
        let revisions = (1...3).map {
            PostRevision(postID: post.id, number: $0, previousBody: "v\($0)", editedBy: .member(author), editedAt: f.epoch.addingTimeInterval(Double($0)))
        }
        try await pair.write { tx in
            try await tx.insert(thread)
            try await tx.insert(post)
            for revision in revisions { try await tx.insert(revision) }
        }
        #expect(try await pair.read { try await $0.revisions(of: post.id) } == revisions)
        try await pair.read { try await $0.revisions(of: f.id()) }
    }

    @Test func postCountAndLastPostDateByAuthor() async throws {
        let thread = f.thread(world.space, author: author)
        let other = f.thread(world.otherSpace, author: author)
        try await pair.write { tx in
            try await tx.insert(thread)
            try await tx.insert(other)
            try await tx.insert(f.post(thread, number: 1, author: author, at: 0))
            try await tx.insert(f.post(thread, number: 2, author: author, at: 10))
            try await tx.insert(f.post(thread, number: 3, author: world.members[1].id, at: 20))
            try await tx.insert(f.post(other, number: 1, author: author, at: 30))
            try await tx.insert(f.post(thread, number: 4, author: nil, at: 40))
        }
        for since in [-1.0, 0, 5, 10, 30, 31] {
            let date = f.epoch.addingTimeInterval(since)
            try await pair.read { try await $0.postCount(by: author, since: date) }
        }
        #expect(try await pair.read { try await $0.postCount(by: author, since: f.epoch.addingTimeInterval(10)) } == 2)
        #expect(try await pair.read { try await $0.lastPostDate(by: author, in: world.space.id) } == f.epoch.addingTimeInterval(10))
        #expect(try await pair.read { try await $0.lastPostDate(by: author, in: world.otherSpace.id) } == f.epoch.addingTimeInterval(30))
        #expect(try await pair.read { try await $0.lastPostDate(by: world.members[2].id, in: world.space.id) } == nil)
    }

    @Test func reactionsInsertDeleteAndByMember() async throws {
        let thread = f.thread(world.space, author: author)
        let first = f.post(thread, number: 1, author: author)
        let second = f.post(thread, number: 2, author: author)
        let member = world.members[1].id
        try await pair.write { tx in
            try await tx.insert(thread)
            try await tx.insert(first)
            try await tx.insert(second)
            for emoji in ["🚀", "👍", "❤️"] { try await tx.insert(Reaction(postID: first.id, memberID: member, emoji: emoji, createdAt: f.epoch)) }
            try await tx.insert(Reaction(postID: second.id, memberID: member, emoji: "👍", createdAt: f.epoch.addingTimeInterval(1)))
            try await tx.insert(Reaction(postID: second.id, memberID: author, emoji: "👍", createdAt: f.epoch))
        }
        try await pair.expectFailure(.conflict) { try await $0.insert(Reaction(postID: first.id, memberID: member, emoji: "👍", createdAt: f.epoch)) }
        try await pair.read { try await $0.reactions(by: member, on: [second.id, first.id, f.id(), second.id]) }
        try await pair.write { try await $0.deleteReaction(post: first.id, member: member, emoji: "👍") }
        try await pair.expectFailure(.notFound) { try await $0.deleteReaction(post: first.id, member: member, emoji: "👍") }
        #expect(try await pair.read { try await $0.reactions(by: member, on: [first.id]).map(\.emoji) }.count == 2)
    }

    @Test func readMarkersAndSpaceReadMarks() async throws {
        let thread = f.thread(world.space, author: author)
        try await pair.read { try await $0.readMarker(of: author, in: thread.id) }
        let marker = ReadMarker(memberID: author, threadID: thread.id, lastReadNumber: 3, updatedAt: f.epoch)
        let mark = SpaceReadMark(memberID: author, spaceID: world.space.id, readUpTo: f.epoch.addingTimeInterval(0.5))
        try await pair.write { tx in
            try await tx.upsert(marker)
            try await tx.upsert(mark)
        }
        #expect(try await pair.read { try await $0.readMarker(of: author, in: thread.id) } == marker)
        #expect(try await pair.read { try await $0.spaceReadMark(of: author, in: world.space.id) } == mark)
        try await pair.write { tx in
            try await tx.upsert(ReadMarker(memberID: author, threadID: thread.id, lastReadNumber: 9, updatedAt: f.epoch.addingTimeInterval(1)))
            try await tx.upsert(SpaceReadMark(memberID: author, spaceID: world.space.id, readUpTo: f.epoch.addingTimeInterval(2)))
        }
        #expect(try await pair.read { try await $0.readMarker(of: author, in: thread.id)?.lastReadNumber } == 9)
        try await pair.read { try await $0.spaceReadMark(of: author, in: world.space.id) }
        try await pair.read { try await $0.spaceReadMark(of: world.members[1].id, in: world.space.id) }
    }

    @Test func followsAreIdempotentAndPaged() async throws {
        let thread = f.thread(world.space, author: author)
        let targets: [FollowTarget] = [.thread(thread.id), .space(world.space.id)]
        let followers: [MemberID] = (0..<7).map { _ in f.id() }
        try await pair.write { tx in
            for target in targets {
                for member in followers.reversed() { try await tx.follow(member, target) }
                try await tx.follow(followers[0], target)  // again: no error, no duplicate
            }
            try await tx.unfollow(followers[3], .thread(thread.id))
            try await tx.unfollow(followers[3], .thread(thread.id))  // again: no error
            try await tx.unfollow(author, .space(world.otherSpace.id))
        }
        for target in targets + [.space(world.otherSpace.id)] {
            try await pair.read { try await $0.followers(of: target, after: nil, limit: 100) }
            try await pair.read { try await $0.followers(of: target, after: followers[1], limit: 3) }
            try await pair.read { try await $0.followers(of: target, after: nil, limit: 0) }
            for member in followers { try await pair.read { try await $0.isFollowing(member, target) } }
        }
        #expect(try await pair.read { try await $0.followers(of: .thread(thread.id), after: nil, limit: 100) }.count == 6)
        #expect(try await pair.read { try await $0.isFollowing(followers[3], .space(world.space.id)) })
        #expect(try await !pair.read { try await $0.isFollowing(followers[3], .thread(thread.id)) })
    }

    @Test func inboxPagesCountsAndMarkRead() async throws {
        let member = world.members[1].id
        var items = (0..<9).map { f.inboxItem(community, member: member, read: $0 % 3 == 0) }
        items.append(f.inboxItem(community, member: world.members[2].id))
        items[1].kind = .eventSeatConfirmed
        items[2].threadID = f.id()
        items[2].postID = f.id()
        items[2].actor = .member(author)
        try await pair.write { tx in for item in items.shuffled() { try await tx.insert(item) } }
        try await pair.expectFailure(.conflict) { try await $0.insert(items[0]) }
        for unreadOnly in [false, true] {
            for before in [nil, items[5].id, items[0].id] {
                for limit in [0, 2, 50] {
                    try await pair.read { try await $0.inbox(of: member, before: before, unreadOnly: unreadOnly, limit: limit) }
                }
            }
        }
        #expect(try await pair.read { try await $0.inbox(of: member, before: nil, unreadOnly: false, limit: 3).map(\.id) }
            == [items[8].id, items[7].id, items[6].id])
        #expect(try await pair.read { try await $0.unreadInboxCount(of: member) } == 6)
        try await pair.read { try await $0.inboxItem(items[9].id, of: member) }
        #expect(try await pair.read { try await $0.inboxItem(items[4].id, of: member) } == items[4])
        for item in items[1...2] { #expect(try await pair.read { try await $0.inboxItem(item.id, of: member) } == item) }

        var read = items[4]
        read.readAt = f.epoch.addingTimeInterval(60)
        try await pair.write { try await $0.update(read) }
        var stranger = items[9]
        stranger.memberID = member
        try await pair.expectFailure(.notFound) { try await $0.update(stranger) }
        #expect(try await pair.read { try await $0.unreadInboxCount(of: member) } == 5)
        #expect(try await pair.write { try await $0.markInboxRead(of: member, at: f.epoch.addingTimeInterval(120)) } == 5)
        #expect(try await pair.write { try await $0.markInboxRead(of: member, at: f.epoch.addingTimeInterval(180)) } == 0)
        try await pair.read { try await $0.inbox(of: member, before: nil, unreadOnly: false, limit: 50) }
        try await pair.read { try await $0.inbox(of: member, before: nil, unreadOnly: true, limit: 50) }
        #expect(try await pair.read { try await $0.unreadInboxCount(of: world.members[2].id) } == 1)
    }

    @Test func flagsOfAPostAndTheOpenQueue() async throws {
        let thread = f.thread(world.space, author: author)
        let post = f.post(thread, number: 1, author: author)
        let other = f.post(thread, number: 2, author: author)
        var flags = (0..<6).map { f.flag($0 % 2 == 0 ? post : other, reporter: world.members[$0 % 3].id) }
        flags[2].note = "rude"
        flags[2].reason = .other
        try await pair.write { tx in
            try await tx.insert(thread)
            try await tx.insert(post)
            try await tx.insert(other)
            for flag in flags { try await tx.insert(flag) }
        }
        try await pair.expectFailure(.conflict) { try await $0.insert(flags[0]) }
        #expect(try await pair.read { try await $0.flags(on: post.id).map(\.id) } == [flags[0].id, flags[2].id, flags[4].id])
        #expect(try await pair.read { try await $0.flag(flags[2].id, in: community) } == flags[2])
        try await pair.read { try await $0.flag(flags[2].id, in: f.id()) }
        flags[2].resolution = .hidden
        flags[2].resolvedBy = .member(author)
        flags[2].resolvedAt = f.epoch.addingTimeInterval(3)
        try await pair.write { try await $0.update(flags[2]) }
        var foreign = flags[3]
        foreign.communityID = f.id()
        try await pair.expectFailure(.notFound) { try await $0.update(foreign) }
        #expect(try await pair.read { try await $0.flag(flags[2].id, in: community) } == flags[2])
        for after in [nil, flags[0].id, flags[3].id] {
            for limit in [0, 2, 10] { try await pair.read { try await $0.openFlags(in: community, after: after, limit: limit) } }
        }
        #expect(try await pair.read { try await $0.openFlags(in: community, after: nil, limit: 10) }.count == 5)
        try await pair.read { try await $0.flags(on: other.id) }
    }

    @Test func reopeningKeepsDiscussionsAndTheSearchIndex() async throws {
        var thread = f.thread(world.space, author: author, kind: .question, title: "Persisted événement")
        thread.pinOrder = 1
        let post = f.post(thread, number: 1, author: author, body: "durable words")
        try await pair.write { tx in
            try await tx.insert(thread)
            try await tx.insert(post)
            try await tx.follow(author, .thread(thread.id))
            try await tx.insert(f.inboxItem(community, member: author))
        }
        let reopened = try SQLiteCommunityStore(path: folder.path())
        let query = try SearchQuery("evenement dura")
        let (stored, listed, hits, unread) = try await reopened.read { tx in
            let discussions = try ReferencePair.discussions(tx)
            return (try await discussions.thread(thread.id, in: community),
                    try await discussions.threads(in: world.space.id, order: .unansweredQuestions, after: nil, limit: 10).map(\.id),
                    try await discussions.search(in: community, query: query, spaces: [world.space.id], offset: 0, limit: 10).map(\.postID),
                    try await discussions.unreadInboxCount(of: author))
        }
        #expect(stored == thread)
        #expect(listed == [thread.id])
        #expect(hits == [post.id])
        #expect(unread == 1)
    }

    @Test func aReadTransactionCannotWriteDiscussions() async throws {
        await #expect(throws: CommunityError.self) {
            try await pair.sqlite.read { tx in try await ReferencePair.discussions(tx).follow(author, .space(world.space.id)) }
        }
        #expect(try await !pair.sqlite.read { tx in try await ReferencePair.discussions(tx).isFollowing(author, .space(world.space.id)) })
    }

    @Test func aThrowingBodyRollsBackDiscussionWritesAndTheSearchIndex() async throws {
        let thread = f.thread(world.space, author: author, title: "Rollback")
        struct Boom: Error {}
        await #expect(throws: Boom.self) {
            try await pair.sqlite.write { tx in
                let discussions = try ReferencePair.discussions(tx)
                try await discussions.insert(thread)
                try await discussions.insert(f.post(thread, number: 1, author: author, body: "vanishing words"))
                try await discussions.follow(author, .thread(thread.id))
                throw Boom()
            }
        }
        let query = try SearchQuery("vanishing")
        let (stored, hits, following) = try await pair.sqlite.read { tx in
            let discussions = try ReferencePair.discussions(tx)
            return (try await discussions.thread(thread.id, in: community),
                    try await discussions.search(in: community, query: query, spaces: [world.space.id], offset: 0, limit: 10),
                    try await discussions.isFollowing(author, .thread(thread.id)))
        }
        #expect(stored == nil)
        #expect(hits.isEmpty)
        #expect(!following)
        #expect(try rawQuery(folder.path(), "SELECT count(*) FROM post_search") == [["0"]])
    }
}
