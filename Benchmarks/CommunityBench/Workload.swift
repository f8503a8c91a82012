import CommunityTesting
import Foundation

/// Workload helpers on the shared deterministic generator (CommunityTesting).
extension SplitMix64 {
    /// A uniform double in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }
    /// A uniform integer in 0..<n (n > 0).
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    /// An exponential draw of the given mean.
    mutating func exponential(mean: Double) -> Double { -mean * log(1 - unit()) }
}

/// Zipf sampling over ranks 0..<n with exponent s, by inverse CDF.
struct Zipf {
    private let cdf: [Double]

    init(count: Int, exponent: Double) {
        var running = 0.0
        var cdf = [Double]()
        cdf.reserveCapacity(count)
        for rank in 1...max(1, count) {
            running += 1 / pow(Double(rank), exponent)
            cdf.append(running)
        }
        self.cdf = cdf.map { $0 / running }
    }

    /// A rank, 0 being the most frequent.
    func sample(_ rng: inout SplitMix64) -> Int {
        let u = rng.unit()
        var low = 0, high = cdf.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cdf[mid] < u { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

/// The sizes of a workload (see `WORKLOAD.md`); `tiny` is a smoke run of a few hundred rows,
/// `XS` a tenth of S.
struct Scale: Sendable {
    var name: String
    var members: Int
    var spaces: Int
    var threads: Int
    var posts: Int
    var reactions: Int

    static let tiny = Scale(name: "tiny", members: 200, spaces: 4, threads: 60, posts: 600, reactions: 1_200)
    /// A tenth of S: loads in about a minute on a PostgreSQL server, where every row is a round trip.
    static let extraSmall = Scale(name: "XS", members: 1_000, spaces: 20, threads: 1_000, posts: 10_000, reactions: 20_000)
    static let small = Scale(name: "S", members: 10_000, spaces: 20, threads: 10_000, posts: 100_000, reactions: 200_000)
    static let large = Scale(name: "L", members: 100_000, spaces: 200, threads: 200_000, posts: 2_000_000, reactions: 4_000_000)

    static func named(_ name: String) -> Scale? {
        switch name.lowercased() {
        case "tiny": .tiny
        case "xs": .extraSmall
        case "s": .small
        case "l": .large
        default: nil
        }
    }
}

/// The benchmark data set, generated from SplitMix64 seed 42. Records refer to each other by
/// index; posts, reactions are in chronological order (so time-ordered ids are assigned in order).
struct Workload: Sendable {
    struct Member: Sendable {
        var handle: String
        var displayName: String
        var isStaff: Bool
        var joinedAt: Date
        /// When the member last caught up: their "mark space read" in their home spaces.
        var lastVisit: Date
    }

    struct Space: Sendable {
        var name: String
        var slug: String
        var tag: String
    }

    struct Thread: Sendable {
        var space: Int
        var author: Int
        var isQuestion: Bool
        var title: String
        var createdAt: Date
        /// Posts including the first.
        var postCount: Int
        var lastActivityAt: Date
        var reactionCount: Int
        /// Index (in `posts`) of the accepted answer.
        var acceptedPost: Int?
    }

    struct Post: Sendable {
        var thread: Int
        var number: Int
        var author: Int
        var body: String
        var createdAt: Date
        var mentions: [Int]
        /// Reaction counts per emoji index.
        var reactions: [Int: Int]
    }

    struct Reaction: Sendable {
        var post: Int
        var member: Int
        var emoji: Int
        var createdAt: Date
    }

    struct ReadMarker: Sendable {
        var member: Int
        var thread: Int
        var lastRead: Int
    }

    static let seed: UInt64 = 42
    static let emoji = ["👍", "❤️", "🎉", "😂", "🤔", "👀", "🙏", "🚀"]
    /// 2025-01-06T00:00:00Z, a Monday.
    static let start = Date(timeIntervalSince1970: 1_736_121_600)
    static let span: TimeInterval = 365 * 86_400

    let scale: Scale
    var members: [Member] = []
    var spaces: [Space] = []
    var threads: [Thread] = []
    var posts: [Post] = []
    var reactions: [Reaction] = []
    var readMarkers: [ReadMarker] = []
    /// Index in `posts` of each thread's first post.
    var firstPost: [Int] = []
    /// The author ranking and the text generator of the data, reused for bench inputs.
    let authors: AuthorPicker
    let text: TextGenerator
    var end: Date { Self.start.addingTimeInterval(Self.span) }

    /// A one-line description of the generated data, to check it against `WORKLOAD.md`.
    var summary: String {
        let lengths = posts.map(\.body.count)
        let questions = threads.filter(\.isQuestion)
        let answered = questions.filter { $0.postCount > 1 }
        let weekend = posts.filter { Int($0.createdAt.timeIntervalSince(Self.start) / 86_400) % 7 >= 5 }.count
        func percent(_ part: Int, _ whole: Int) -> String { whole == 0 ? "-" : String(format: "%.1f%%", 100 * Double(part) / Double(whole)) }
        return "bodies \(lengths.min() ?? 0)–\(lengths.max() ?? 0) characters, mean \(lengths.isEmpty ? 0 : lengths.reduce(0, +) / lengths.count); "
            + "mentions in \(percent(posts.filter { !$0.mentions.isEmpty }.count, posts.count)) of posts; "
            + "questions \(percent(questions.count, threads.count)), answered \(percent(answered.count, questions.count)), "
            + "accepted \(percent(answered.filter { $0.acceptedPost != nil }.count, answered.count)) of answered; "
            + "posts on weekends \(percent(weekend, posts.count)); staff \(percent(members.filter(\.isStaff).count, members.count))"
    }

    /// The spaces a member keeps up with (their space read marks): at most 20.
    func homeSpaces(of member: Int) -> [Int] {
        (0..<min(20, spaces.count)).map { (member + $0) % spaces.count }
    }

    init(scale: Scale) {
        self.scale = scale
        var rng = SplitMix64(seed: Self.seed)
        let text = TextGenerator(rng: &rng)
        self.text = text
        let members = Self.generateMembers(scale, &rng)
        let authors = AuthorPicker(members: members, rng: &rng)
        self.authors = authors
        self.members = members
        spaces = Self.generateSpaces(scale)
        generateThreads(&rng, authors: authors, text: text)
        generateReactions(&rng, authors: authors)
        generateReadMarkers()
    }

    // MARK: Generation

    private static func generateMembers(_ scale: Scale, _ rng: inout SplitMix64) -> [Member] {
        let n = scale.members
        var members: [Member] = []
        members.reserveCapacity(n)
        // Members join in index order over the year before the span, so their ids are time-ordered.
        let joinStep = Self.span / Double(n)
        for i in 0..<n {
            let joinedAt = Self.start.addingTimeInterval(-Self.span + Double(i) * joinStep + rng.unit() * joinStep * 0.5)
            members.append(Member(handle: "m\(i)", displayName: "Member \(i)", isStaff: i % 100 == 0, joinedAt: joinedAt,
                                  lastVisit: joinedAt))
        }
        return members
    }

    private static func generateSpaces(_ scale: Scale) -> [Space] {
        (0..<scale.spaces).map { i in
            let tag = i % 4 == 0 ? "product" : "general"
            return Space(name: "\(tag == "product" ? "Product" : "General") \(i)", slug: "\(tag)-\(i)", tag: tag)
        }
    }

    /// A time in the span with the weekly rhythm: weekdays are busier than weekends, days 7h–22h.
    private static func sampleTime(_ rng: inout SplitMix64) -> TimeInterval {
        while true {
            let day = rng.below(365)
            let weekend = day % 7 >= 5
            if weekend && rng.unit() > 0.4 { continue }
            return Double(day) * 86_400 + 7 * 3_600 + rng.unit() * 15 * 3_600
        }
    }

    private mutating func generateThreads(_ rng: inout SplitMix64, authors: AuthorPicker, text: TextGenerator) {
        let t = scale.threads
        var starts = (0..<t).map { _ in Self.sampleTime(&rng) }
        starts.sort()
        // Replies per thread: unanswered questions (40% of questions) get none; the others a
        // geometric count of mean 9, then adjusted so the total matches the scale exactly.
        var replyCounts = [Int](repeating: 0, count: t)
        var questions = [Bool](repeating: false, count: t)
        var answerable = [Int]()
        for i in 0..<t {
            questions[i] = rng.unit() < 0.3
            if questions[i] && rng.unit() >= 0.6 { continue }
            answerable.append(i)
            let geometric = Int(log(1 - rng.unit()) / log(0.9))
            replyCounts[i] = questions[i] ? max(1, geometric) : geometric
        }
        var missing = scale.posts - t - replyCounts.reduce(0, +)
        while missing != 0, !answerable.isEmpty {
            let i = answerable[rng.below(answerable.count)]
            if missing > 0 {
                replyCounts[i] += 1
                missing -= 1
            } else if replyCounts[i] > (questions[i] ? 1 : 0) {
                replyCounts[i] -= 1
                missing += 1
            }
        }
        let staff = members.indices.filter { members[$0].isStaff }
        var unsorted: [Post] = []
        unsorted.reserveCapacity(scale.posts)
        var accepted: [Int: Int] = [:]  // thread → reply number
        for i in 0..<t {
            let created = Self.start.addingTimeInterval(starts[i])
            let author = authors.pick(&rng)
            let title = text.title(&rng, question: questions[i])
            threads.append(Thread(space: rng.below(scale.spaces), author: author, isQuestion: questions[i], title: title,
                                  createdAt: created, postCount: 1 + replyCounts[i], lastActivityAt: created, reactionCount: 0))
            unsorted.append(Post(thread: i, number: 1, author: author, body: text.body(&rng, members: members.count),
                                 createdAt: created, mentions: [], reactions: [:]))
            var time = created.timeIntervalSince(Self.start)
            for number in stride(from: 2, through: 1 + replyCounts[i], by: 1) {
                let next = time + max(1, rng.exponential(mean: 8 * 3_600))
                time = next < Self.span - 1 ? next : time + (Self.span - time) / 2
                var replier: Int
                if questions[i] && number == 2 {
                    // 70% of first answers come from peers, 30% from staff.
                    if rng.unit() < 0.3 {
                        replier = staff[rng.below(staff.count)]
                    } else {
                        repeat { replier = authors.pick(&rng) } while members[replier].isStaff
                    }
                } else {
                    replier = authors.pick(&rng)
                }
                unsorted.append(Post(thread: i, number: number, author: replier, body: text.body(&rng, members: members.count),
                                     createdAt: Self.start.addingTimeInterval(time), mentions: [], reactions: [:]))
            }
            threads[i].lastActivityAt = Self.start.addingTimeInterval(time)
            if questions[i] && replyCounts[i] > 0 && rng.unit() < 0.4 {
                accepted[i] = rng.unit() < 0.6 ? 2 : 2 + rng.below(replyCounts[i])
            }
        }
        // Mentions: the "@handle" words the text generator wrote.
        for index in unsorted.indices where unsorted[index].body.contains("@") {
            unsorted[index].mentions = TextGenerator.mentions(in: unsorted[index].body)
        }
        unsorted.sort { ($0.createdAt, $0.thread, $0.number) < ($1.createdAt, $1.thread, $1.number) }
        posts = unsorted
        firstPost = [Int](repeating: 0, count: t)
        for (index, post) in posts.enumerated() {
            if post.number == 1 { firstPost[post.thread] = index }
            if accepted[post.thread] == post.number { threads[post.thread].acceptedPost = index }
        }
    }

    private mutating func generateReactions(_ rng: inout SplitMix64, authors: AuthorPicker) {
        guard !posts.isEmpty else { return }
        let emojiRank = Zipf(count: Self.emoji.count, exponent: 1.1)
        var seen = Set<UInt64>()
        seen.reserveCapacity(scale.reactions)
        var list: [Reaction] = []
        list.reserveCapacity(scale.reactions)
        let end = Self.start.addingTimeInterval(Self.span)
        var attempts = 0
        while list.count < scale.reactions && attempts < scale.reactions * 4 {
            attempts += 1
            let post = rng.below(posts.count)
            let member = authors.pick(&rng)
            let emoji = emojiRank.sample(&rng)
            guard seen.insert(UInt64(post) << 24 | UInt64(member) << 3 | UInt64(emoji)).inserted else { continue }
            let created = min(end, posts[post].createdAt.addingTimeInterval(1 + rng.exponential(mean: 6 * 3_600)))
            list.append(Reaction(post: post, member: member, emoji: emoji, createdAt: created))
            posts[post].reactions[emoji, default: 0] += 1
            threads[posts[post].thread].reactionCount += 1
        }
        list.sort { ($0.createdAt, $0.post, $0.member, $0.emoji) < ($1.createdAt, $1.post, $1.member, $1.emoji) }
        reactions = list
    }

    /// A member has read each thread they posted in up to their last post there, and caught up
    /// with their home spaces at their last visit (champions hours ago, lurkers weeks ago).
    private mutating func generateReadMarkers() {
        var markers: [UInt64: Int] = [:]
        for post in posts {
            let key = UInt64(post.author) << 32 | UInt64(post.thread)
            markers[key] = max(markers[key] ?? 0, post.number)
        }
        readMarkers = markers.map { ReadMarker(member: Int($0.key >> 32), thread: Int($0.key & 0xFFFF_FFFF), lastRead: $0.value) }
            .sorted { ($0.member, $0.thread) < ($1.member, $1.thread) }
        var rng = SplitMix64(seed: Self.seed ^ 0x5EED)
        var posted = [Int](repeating: 0, count: members.count)
        for post in posts { posted[post.author] += 1 }
        let ranked = members.indices.sorted { (posted[$0], $0) > (posted[$1], $1) }
        for (rank, member) in ranked.enumerated() {
            let fraction = Double(rank) / Double(members.count)
            let meanDays = fraction < 0.01 ? 0.5 : fraction < 0.1 ? 3 : 20
            let visit = end.addingTimeInterval(-rng.exponential(mean: meanDays * 86_400))
            members[member].lastVisit = max(members[member].joinedAt, visit)
        }
    }
}

/// Picks post authors: Zipf (s = 1.1) over a fixed random ranking of members, so a few
/// champions write much and most members little or nothing.
struct AuthorPicker: Sendable {
    private let zipf: Zipf
    private let ranking: [Int]

    init(members: [Workload.Member], rng: inout SplitMix64) {
        zipf = Zipf(count: members.count, exponent: 1.1)
        var ranking = Array(members.indices)
        for i in stride(from: ranking.count - 1, to: 0, by: -1) { ranking.swapAt(i, rng.below(i + 1)) }
        self.ranking = ranking
    }

    func pick(_ rng: inout SplitMix64) -> Int { ranking[zipf.sample(&rng)] }
}

extension Zipf: Sendable {}
