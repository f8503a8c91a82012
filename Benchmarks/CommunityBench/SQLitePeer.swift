import CSQLite
import CommunityCore
import Foundation
import Synchronization

/// The raw SQLite peer of the `sqlite` backend (`bench/peers/sqlite_raw.c`, extended to every
/// bench): the same rows in a schema of its own, the same settings as the SDK's store (WAL,
/// synchronous NORMAL, an index behind every query, FTS5 `unicode61 remove_diacritics 2`), and
/// the equivalent queries, through the C API with prepared statements. Integer keys: member,
/// space, thread and post `i` of the workload have id `i + 1`.
final class SQLitePeer: Sendable {
    let path: String
    private let directory: URL
    private let workload: Workload

    static let schema = """
        PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;
        CREATE TABLE members(id INTEGER PRIMARY KEY, handle TEXT UNIQUE, role TEXT, joined REAL);
        CREATE TABLE spaces(id INTEGER PRIMARY KEY, name TEXT, tag TEXT, visibility TEXT);
        CREATE TABLE threads(id INTEGER PRIMARY KEY, space INTEGER, author INTEGER, kind TEXT, title TEXT, post_count INTEGER,
            reply_count INTEGER, last_post_number INTEGER, reaction_count INTEGER, created REAL, last_activity REAL);
        CREATE INDEX threads_space_activity ON threads(space, last_activity DESC);
        CREATE TABLE posts(id INTEGER PRIMARY KEY, thread INTEGER, number INTEGER, author INTEGER, body TEXT, created REAL);
        CREATE UNIQUE INDEX posts_thread ON posts(thread, number);
        CREATE VIRTUAL TABLE posts_fts USING fts5(text, tokenize='unicode61 remove_diacritics 2');
        CREATE TABLE reactions(post INTEGER, member INTEGER, emoji TEXT, created REAL, PRIMARY KEY(post, member, emoji)) WITHOUT ROWID;
        CREATE TABLE read_markers(member INTEGER, thread INTEGER, last_read INTEGER, PRIMARY KEY(member, thread)) WITHOUT ROWID;
        CREATE TABLE space_marks(member INTEGER, space INTEGER, read_up_to REAL, PRIMARY KEY(member, space)) WITHOUT ROWID;
        CREATE TABLE follows(member INTEGER, thread INTEGER, PRIMARY KEY(thread, member)) WITHOUT ROWID;
        CREATE TABLE activities(seq INTEGER PRIMARY KEY AUTOINCREMENT, actor INTEGER, verb TEXT, subject INTEGER, space INTEGER, t REAL);
        CREATE TABLE inbox(id INTEGER PRIMARY KEY, member INTEGER, kind TEXT, thread INTEGER, post INTEGER, t REAL);
        CREATE INDEX inbox_member ON inbox(member, id);
        """

    static let threadPageSQL = "SELECT id, number, author, body, created FROM posts WHERE thread = ?1 AND number > ?2 ORDER BY number LIMIT 50"
    static let spaceThreadsSQL = """
        SELECT id, title, author, kind, post_count, last_activity FROM threads WHERE space = ?1 ORDER BY last_activity DESC LIMIT 30
        """
    static let unreadSpaceSQL = """
        SELECT count(*), coalesce(sum(t.last_post_number - coalesce(r.last_read, 0)), 0)
        FROM threads t LEFT JOIN read_markers r ON r.member = ?1 AND r.thread = t.id
        WHERE t.space = ?2 AND t.last_activity > ?3 AND t.last_post_number > coalesce(r.last_read, 0)
        """
    static let searchSQL = """
        SELECT p.id, p.number, p.body, t.id, t.title, f.rank
        FROM (SELECT rowid, rank FROM posts_fts WHERE posts_fts MATCH ?1 ORDER BY rank, rowid DESC LIMIT 20) f
        JOIN posts p ON p.id = f.rowid JOIN threads t ON t.id = p.thread ORDER BY f.rank, p.id DESC
        """

    /// Creates the database in a temporary folder and loads the workload (not timed by the benches).
    init(workload: Workload) throws {
        self.workload = workload
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("community-bench-peer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("peer.sqlite").path
        let start = monotonicNanoseconds()
        let db = try RawConnection(path: path)
        try db.execute(Self.schema)
        try db.execute("BEGIN")
        let member = try db.prepare("INSERT INTO members VALUES(?1, ?2, ?3, ?4)")
        for (index, m) in workload.members.enumerated() {
            member.bind(1, index + 1); member.bind(2, m.handle); member.bind(3, index == 0 ? "owner" : m.isStaff ? "moderator" : "member")
            member.bind(4, m.joinedAt.timeIntervalSinceReferenceDate)
            try member.run()
        }
        let space = try db.prepare("INSERT INTO spaces VALUES(?1, ?2, ?3, 'public')")
        for (index, s) in workload.spaces.enumerated() {
            space.bind(1, index + 1); space.bind(2, s.name); space.bind(3, s.tag)
            try space.run()
        }
        let thread = try db.prepare("INSERT INTO threads VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
        let follow = try db.prepare("INSERT INTO follows VALUES(?1, ?2)")
        for (index, t) in workload.threads.enumerated() {
            thread.bind(1, index + 1); thread.bind(2, t.space + 1); thread.bind(3, t.author + 1)
            thread.bind(4, t.isQuestion ? "question" : "discussion"); thread.bind(5, t.title); thread.bind(6, t.postCount)
            thread.bind(7, t.postCount - 1); thread.bind(8, t.postCount); thread.bind(9, t.reactionCount)
            thread.bind(10, t.createdAt.timeIntervalSinceReferenceDate); thread.bind(11, t.lastActivityAt.timeIntervalSinceReferenceDate)
            try thread.run()
            follow.bind(1, t.author + 1); follow.bind(2, index + 1)
            try follow.run()
        }
        let post = try db.prepare("INSERT INTO posts VALUES(?1, ?2, ?3, ?4, ?5, ?6)")
        let fts = try db.prepare("INSERT INTO posts_fts(rowid, text) VALUES(?1, ?2)")
        let activity = try db.prepare("INSERT INTO activities(actor, verb, subject, space, t) VALUES(?1, ?2, ?3, ?4, ?5)")
        for (index, p) in workload.posts.enumerated() {
            let t = workload.threads[p.thread]
            post.bind(1, index + 1); post.bind(2, p.thread + 1); post.bind(3, p.number); post.bind(4, p.author + 1)
            post.bind(5, p.body); post.bind(6, p.createdAt.timeIntervalSinceReferenceDate)
            try post.run()
            fts.bind(1, index + 1); fts.bind(2, p.number == 1 ? t.title + "\n" + p.body : p.body)
            try fts.run()
            activity.bind(1, p.author + 1); activity.bind(2, p.number == 1 ? "thread.created" : "post.created")
            activity.bind(3, index + 1); activity.bind(4, t.space + 1); activity.bind(5, p.createdAt.timeIntervalSinceReferenceDate)
            try activity.run()
        }
        let reaction = try db.prepare("INSERT INTO reactions VALUES(?1, ?2, ?3, ?4)")
        for r in workload.reactions {
            reaction.bind(1, r.post + 1); reaction.bind(2, r.member + 1); reaction.bind(3, Workload.emoji[r.emoji])
            reaction.bind(4, r.createdAt.timeIntervalSinceReferenceDate)
            try reaction.run()
            activity.bind(1, r.member + 1); activity.bind(2, "reaction.added"); activity.bind(3, r.post + 1)
            activity.bind(4, workload.threads[workload.posts[r.post].thread].space + 1); activity.bind(5, r.createdAt.timeIntervalSinceReferenceDate)
            try activity.run()
        }
        let marker = try db.prepare("INSERT INTO read_markers VALUES(?1, ?2, ?3)")
        for m in workload.readMarkers {
            marker.bind(1, m.member + 1); marker.bind(2, m.thread + 1); marker.bind(3, m.lastRead)
            try marker.run()
        }
        let mark = try db.prepare("INSERT INTO space_marks VALUES(?1, ?2, ?3)")
        for (index, m) in workload.members.enumerated() {
            for s in workload.homeSpaces(of: index) {
                mark.bind(1, index + 1); mark.bind(2, s + 1); mark.bind(3, m.lastVisit.timeIntervalSinceReferenceDate)
                try mark.run()
            }
        }
        try db.execute("COMMIT; PRAGMA wal_checkpoint(TRUNCATE)")
        Report.note(String(format: "sqlite-raw: loaded the same rows in %.1f s", Double(monotonicNanoseconds() - start) / 1e9))
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    // MARK: Reads
    //
    // Each read bench opens one connection with its prepared statements and gets back the
    // function that times a slice of inputs on it, so the bench can interleave the peer with the SDK.

    func threadPage() throws -> (ArraySlice<(thread: Int, after: Int)>) throws -> Samples {
        let query = try RawConnection(path: path).prepare(Self.threadPageSQL)
        return { inputs in
            try Self.measureSync(inputs) { input in
                query.bind(1, input.thread + 1); query.bind(2, input.after)
                try query.drain()
                query.reset()
            }
        }
    }

    func spaceThreads() throws -> (ArraySlice<Int>) throws -> Samples {
        let query = try RawConnection(path: path).prepare(Self.spaceThreadsSQL)
        return { spaces in
            try Self.measureSync(spaces) { space in
                query.bind(1, space + 1)
                try query.drain()
                query.reset()
            }
        }
    }

    /// Unread counts of a member: the visible spaces, the member's join date and space marks,
    /// then one indexed query per space (threads active since the mark, minus read markers).
    func unreadCounts() throws -> (ArraySlice<Int>) throws -> Samples {
        let unread = try UnreadQuery(path: path)
        return { members in try Self.measureSync(members) { _ = try unread.posts(of: $0) } }
    }

    /// The unread posts of each member over every space (for the cross-check, not timed).
    func unreadPosts(_ members: [Int]) throws -> [String] {
        let unread = try UnreadQuery(path: path)
        return try members.map { String(try unread.posts(of: $0)) }
    }

    private final class UnreadQuery {
        let db: RawConnection
        let spaces, joined, marks, perSpace: RawStatement

        init(path: String) throws {
            db = try RawConnection(path: path)
            spaces = try db.prepare("SELECT id FROM spaces WHERE visibility = 'public' ORDER BY id")
            joined = try db.prepare("SELECT joined FROM members WHERE id = ?1")
            marks = try db.prepare("SELECT space, read_up_to FROM space_marks WHERE member = ?1")
            perSpace = try db.prepare(SQLitePeer.unreadSpaceSQL)
        }

        func posts(of member: Int) throws -> Int {
            var visible: [Int] = []
            while try spaces.step() { visible.append(spaces.int(0)) }
            spaces.reset()
            joined.bind(1, member + 1)
            try joined.step()
            let joinedAt = joined.double(0)
            joined.reset()
            var readUpTo: [Int: Double] = [:]
            marks.bind(1, member + 1)
            while try marks.step() { readUpTo[marks.int(0)] = marks.double(1) }
            marks.reset()
            var total = 0
            for space in visible {
                perSpace.bind(1, member + 1); perSpace.bind(2, space); perSpace.bind(3, max(joinedAt, readUpTo[space] ?? 0))
                try perSpace.step()
                total += perSpace.int(1)
                perSpace.reset()
            }
            return total
        }
    }

    func search() throws -> (ArraySlice<String>) throws -> Samples {
        let query = try RawConnection(path: path).prepare(Self.searchSQL)
        return { queries in
            try Self.measureSync(queries) { text in
                Self.bindMatch(text, query)
                try query.drain()
                query.reset()
            }
        }
    }

    /// Each query's hit count and best hit as "count:thread#number" (for the cross-check, not timed).
    func searchHits(_ queries: [String]) throws -> [String] {
        let db = try RawConnection(path: path)
        let query = try db.prepare(Self.searchSQL)
        return try queries.map { text in
            Self.bindMatch(text, query)
            defer { query.reset() }
            guard try query.step() else { return "0:-" }
            let top = "\(query.int(3) - 1)#\(query.int(1))"
            return "\(1 + (try query.drain())):\(top)"
        }
    }

    /// "w1 w2" → `"w1" "w2"*`: every term required, the last as a prefix, like the SDK.
    private static func bindMatch(_ text: String, _ query: RawStatement) {
        query.bind(1, text.split(separator: " ").map { "\"\($0)\"" }.joined(separator: " ") + "*")
    }

    // MARK: Writes

    /// The rows a reply writes, one transaction each, `writers` threads with a connection each
    /// (as `sqlite_raw.c`): the thread's counters, the post, its full-text entry, the author's
    /// read marker, the activity, and the inbox items of the thread's followers and the mentioned members.
    func postCreate(_ replies: ArraySlice<ReplyInput>, writers: Int) throws -> Samples {
        let path = self.path
        let slices = replies.split(into: writers)
        let results = ResultBox(count: writers)
        let done = DispatchGroup()
        let start = monotonicNanoseconds()
        for (w, slice) in slices.enumerated() {
            done.enter()
            let thread = Foundation.Thread {
                defer { done.leave() }
                do {
                    results.set(w, .success(try Self.write(slice, path: path)))
                } catch {
                    results.set(w, .failure(error))
                }
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        done.wait()
        let wall = monotonicNanoseconds() - start
        return Samples.merged(try results.values(), wallNanoseconds: wall)
    }

    private static func write(_ replies: [ReplyInput], path: String) throws -> Samples {
        let db = try RawConnection(path: path)
        try db.execute("PRAGMA synchronous=NORMAL")
        let begin = try db.prepare("BEGIN IMMEDIATE")
        let commit = try db.prepare("COMMIT")
        let counters = try db.prepare("""
            UPDATE threads SET last_post_number = last_post_number + 1, post_count = post_count + 1, reply_count = reply_count + 1,
            last_activity = ?2 WHERE id = ?1 RETURNING last_post_number, space
            """)
        let post = try db.prepare("INSERT INTO posts(thread, number, author, body, created) VALUES(?1, ?2, ?3, ?4, ?5)")
        let fts = try db.prepare("INSERT INTO posts_fts(rowid, text) VALUES(?1, ?2)")
        let activity = try db.prepare("INSERT INTO activities(actor, verb, subject, space, t) VALUES(?1, 'post.created', ?2, ?3, ?4)")
        let followers = try db.prepare("SELECT member FROM follows WHERE thread = ?1")
        let inbox = try db.prepare("INSERT INTO inbox(member, kind, thread, post, t) VALUES(?1, ?2, ?3, ?4, ?5)")
        let marker = try db.prepare("""
            INSERT INTO read_markers VALUES(?1, ?2, ?3) ON CONFLICT(member, thread) DO UPDATE SET last_read = excluded.last_read
            WHERE last_read < excluded.last_read
            """)
        let now = Date().timeIntervalSinceReferenceDate
        var latencies: [UInt64] = []
        latencies.reserveCapacity(replies.count)
        let start = monotonicNanoseconds()
        for reply in replies {
            let t0 = monotonicNanoseconds()
            try begin.run()
            counters.bind(1, reply.thread + 1); counters.bind(2, now)
            try counters.step()
            let number = counters.int(0), space = counters.int(1)
            counters.reset()
            post.bind(1, reply.thread + 1); post.bind(2, number); post.bind(3, reply.member + 1); post.bind(4, reply.body); post.bind(5, now)
            try post.run()
            let id = db.lastInsertRowID
            fts.bind(1, id); fts.bind(2, reply.body)
            try fts.run()
            marker.bind(1, reply.member + 1); marker.bind(2, reply.thread + 1); marker.bind(3, number)
            try marker.run()
            activity.bind(1, reply.member + 1); activity.bind(2, id); activity.bind(3, space); activity.bind(4, now)
            try activity.run()
            var notified: Set<Int> = [reply.member + 1]
            for mentioned in reply.mentions where notified.insert(mentioned + 1).inserted {
                inbox.bind(1, mentioned + 1); inbox.bind(2, "mentioned"); inbox.bind(3, reply.thread + 1); inbox.bind(4, id); inbox.bind(5, now)
                try inbox.run()
            }
            followers.bind(1, reply.thread + 1)
            var recipients: [Int] = []
            while try followers.step() { recipients.append(followers.int(0)) }
            followers.reset()
            for follower in recipients where notified.insert(follower).inserted {
                inbox.bind(1, follower); inbox.bind(2, "followedThreadReply"); inbox.bind(3, reply.thread + 1); inbox.bind(4, id)
                inbox.bind(5, now)
                try inbox.run()
            }
            try commit.run()
            latencies.append(monotonicNanoseconds() - t0)
        }
        return Samples(latencies: latencies, wallNanoseconds: monotonicNanoseconds() - start)
    }

    private static func measureSync<Input>(_ inputs: ArraySlice<Input>, _ operation: (Input) throws -> Void) rethrows -> Samples {
        var latencies: [UInt64] = []
        latencies.reserveCapacity(inputs.count)
        let start = monotonicNanoseconds()
        for input in inputs {
            let t0 = monotonicNanoseconds()
            try operation(input)
            latencies.append(monotonicNanoseconds() - t0)
        }
        return Samples(latencies: latencies, wallNanoseconds: monotonicNanoseconds() - start)
    }
}

/// The per-writer results of the peer's writer threads.
private final class ResultBox: Sendable {
    private let slots: Mutex<[Result<Samples, any Error>?]>

    init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }

    func set(_ index: Int, _ result: Result<Samples, any Error>) { slots.withLock { $0[index] = result } }

    func values() throws -> [Samples] { try slots.withLock { $0 }.map { try $0?.get() ?? Samples(latencies: [], wallNanoseconds: 0) } }
}
