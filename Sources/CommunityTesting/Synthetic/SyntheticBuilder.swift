import Foundation
import CommunityInsights

/// The mutable work of ``SyntheticCommunityGenerator``.
struct SyntheticBuilder {
    let configuration: SyntheticCommunityGenerator.Configuration
    var rng: Xoshiro256StarStar
    let horizon = 365.0 * 86_400
    let n: Double

    var lines: [(time: Double, seq: Int, event: ActivityEvent)] = []

    init(configuration: SyntheticCommunityGenerator.Configuration) {
        self.configuration = configuration
        rng = Xoshiro256StarStar(seed: configuration.seed)
        n = Double(configuration.events)
    }

    func count(_ fraction: Double, minimum: Int = 1) -> Int { max(minimum, Int((n * fraction).rounded())) }

    // MARK: Random helpers

    mutating func unit() -> Double { rng.unit() }
    mutating func index(_ count: Int) -> Int { Int(rng.next() % UInt64(max(count, 1))) }

    mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) { array.swapAt(i, index(i + 1)) }
    }

    /// Exactly round(share · count) `true`s, shuffled.
    mutating func quota(_ count: Int, _ share: Double) -> [Bool] {
        let trues = Int((Double(count) * share).rounded())
        var flags = (0..<count).map { $0 < trues }
        shuffle(&flags)
        return flags
    }

    mutating func logNormal(median: Double, sigma: Double) -> Double { median * exp(sigma * rng.normal()) }
    mutating func exponential(mean: Double) -> Double { -mean * log(max(1 - unit(), 0x1.0p-60)) }

    /// Index drawn from cumulative weights `cumulative` restricted to its first `prefix` entries.
    mutating func draw(_ cumulative: [Double], prefix: Int? = nil) -> Int {
        let k = prefix ?? cumulative.count
        guard k > 0 else { return 0 }
        let target = unit() * cumulative[k - 1]
        var lo = 0, hi = k - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] > target { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    static func cumulative(_ weights: [Double]) -> [Double] {
        var sum = 0.0
        return weights.map { sum += $0; return sum }
    }

    static func zipf(_ count: Int, _ s: Double) -> [Double] { (1...max(count, 1)).map { pow(Double($0), -s) } }

    static let hourCumulative = cumulative((0..<24).map { 1 + 0.8 * cos(2 * Double.pi * Double($0 - 14) / 24) })

    /// A time in [lower, upper] (seconds from start): day uniform (or rising linearly), weekends
    /// kept with probability 0.6, hour from the diurnal curve peaking at 14:00.
    mutating func time(_ lower: Double, _ upper: Double, rising: Bool = false) -> Double {
        guard upper > lower + 1 else { return lower }
        for _ in 0..<24 {
            let u = unit()
            let raw = lower + (upper - lower) * (rising ? u.squareRoot() : u)
            let day = (raw / 86_400).rounded(.down)
            let absoluteDay = Int(((configuration.start.timeIntervalSince1970) / 86_400).rounded(.down)) + Int(day)
            let weekday = ((absoluteDay + 3) % 7 + 7) % 7  // 0 = Monday
            if weekday >= 5, unit() >= 0.6 { continue }
            let hour = Double(draw(Self.hourCumulative))
            let t = (day * 86_400 + hour * 3600 + unit() * 3600).rounded(.down)
            if t >= lower, t <= upper { return t }
        }
        return (lower + (upper - lower) * unit()).rounded(.down)
    }

    mutating func emit(_ time: Double, _ event: ActivityEvent) {
        lines.append((time, lines.count, event))
    }

    func date(_ t: Double) -> Date { Date(timeIntervalSince1970: configuration.start.timeIntervalSince1970 + t) }

    // MARK: Build

    mutating func build() -> SyntheticCommunity {
        // Members.
        let joins = count(0.02, minimum: 200)
        let staffCount = max(2, Int((Double(joins) * 0.001).rounded()))
        let botCount = 5
        let regularCount = joins - staffCount - botCount
        var join = [Double](), end = [Double](), memberName = [String]()
        for i in 0..<(staffCount + botCount) {
            join.append(Double(i))
            end.append(horizon)
        }
        for _ in 0..<regularCount {
            let t = max(60, (horizon * unit().squareRoot()).rounded(.down))
            join.append(t)
            end.append(unit() < 0.2 ? horizon : min(horizon, t + exponential(mean: 120 * 86_400)))
        }
        for m in join.indices {
            memberName.append("m\(m)")
            emit(join[m], .member(member: memberName[m], time: date(join[m]), staff: m < staffCount,
                                  bot: m >= staffCount && m < staffCount + botCount))
        }
        let staff = Array(0..<staffCount)
        let regular = Array((staffCount + botCount)..<joins)

        // Tags.
        let tagNames = (1...12).map { "product-\($0)" } + (1...18).map { "topic-\($0)" }
        for (i, tag) in tagNames.enumerated() { emit(-1, .tag(tag: tag, product: i < 12)) }
        let spaceCumulative = Self.cumulative(Self.zipf(40, 1))

        // Posters: 10% of regular members, rank-Zipf 0.78 in random order; sampled among those
        // already joined (prefix of the join order).
        var shuffled = regular
        shuffle(&shuffled)
        let posters = Array(shuffled.prefix(max(2, regularCount / 10)))
        var propensity = [Double](repeating: 0, count: joins)
        for (rank, m) in posters.enumerated() { propensity[m] = pow(Double(rank + 1), -0.78) }
        let posterOrder = posters.sorted { join[$0] < join[$1] }
        let posterJoin = posterOrder.map { join[$0] }
        let posterCumulative = Self.cumulative(posterOrder.map { propensity[$0] })
        var expectedMass = [Double](repeating: 0, count: posterOrder.count)
        let medianPropensity = pow(Double(posters.count / 2 + 1), -0.78)

        func joinedPrefix(_ t: Double) -> Int {
            var lo = 0, hi = posterJoin.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if posterJoin[mid] <= t - 1 { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }

        // Threads.
        let threadCount = count(0.025, minimum: 50)
        var threadTimes = (0..<threadCount).map { _ in 0.0 }
        for i in threadTimes.indices { threadTimes[i] = time(max(3600, posterJoin.first ?? 3600) + 1, horizon - 1, rising: true) }
        threadTimes.sort()
        let isQuestion = quota(threadCount, 0.4)
        let staffAuthored = quota(threadCount, 0.1)
        let untagged = quota(threadCount, 0.05)
        let questionIndices = threadTimes.indices.filter { isQuestion[$0] }
        let discussionIndices = threadTimes.indices.filter { !isQuestion[$0] }
        var answered = [Bool](repeating: false, count: threadCount)
        var staffFirst = [Bool](repeating: false, count: threadCount)
        var accepted = [Bool](repeating: false, count: threadCount)
        for (indices, unanswered, staffShare) in [(questionIndices, 0.12, 0.35), (discussionIndices, 0.18, 0.20)] {
            let answerFlags = quota(indices.count, 1 - unanswered)
            let answeredIndices = zip(indices, answerFlags).filter(\.1).map(\.0)
            for i in answeredIndices { answered[i] = true }
            for (i, flag) in zip(answeredIndices, quota(answeredIndices.count, staffShare)) { staffFirst[i] = flag }
            if unanswered == 0.12 {
                // 40% of all questions are accepted: a share of the answered ones.
                let share = min(1, 0.4 * Double(indices.count) / Double(max(answeredIndices.count, 1)))
                for (i, flag) in zip(answeredIndices, quota(answeredIndices.count, share)) { accepted[i] = flag }
            }
        }
        let beyondOnly = quota(threadCount, 0.25 / 0.95)  // among tagged threads
        let laterStaffShare = 0.116  // so that ≈ 15% of all replies are by staff

        var threadPosts: [[(id: String, author: Int, time: Double)]] = []
        var threadAuthor: [Int] = []
        var replies = 0, accepts = 0, peerFirst = 0, answeredQuestions = 0, unansweredThreads = 0
        var posterPosts = [Int](repeating: 0, count: joins)
        var nextPost = 0

        func pickStaff(excluding: Int) -> Int {
            let choice = staff[index(staff.count)]
            return choice == excluding ? staff[(staff.firstIndex(of: choice).map { $0 + 1 } ?? 0) % staff.count] : choice
        }
        func pickPoster(at t: Double, excluding: Int?) -> Int? {
            let k = joinedPrefix(t)
            guard k > 0 else { return nil }
            for _ in 0..<8 {
                let m = posterOrder[draw(posterCumulative, prefix: k)]
                if m != excluding {
                    expectedMass[k - 1] += 1 / posterCumulative[k - 1]
                    return m
                }
            }
            return nil
        }

        for i in 0..<threadCount {
            let t0 = threadTimes[i]
            var author = staffAuthored[i] ? staff[index(staff.count)] : (pickPoster(at: t0, excluding: nil) ?? staff[0])
            if !staffAuthored[i], propensity[author] == 0 { author = staff[0] }
            let threadID = "t\(i)"
            var tags: [String]?
            if !untagged[i] {
                let k = 1 + index(3)
                var chosen: [String] = []
                if beyondOnly[i] {
                    while chosen.count < k { let tag = tagNames[12 + index(18)]; if !chosen.contains(tag) { chosen.append(tag) } }
                } else {
                    chosen.append(tagNames[index(12)])
                    while chosen.count < k { let tag = tagNames[index(30)]; if !chosen.contains(tag) { chosen.append(tag) } }
                }
                tags = chosen
            }
            emit(t0, .thread(id: threadID, member: memberName[author], time: date(t0), space: "space-\(draw(spaceCumulative) + 1)",
                             kind: isQuestion[i] ? .question : .discussion, tags: tags))
            if propensity[author] > 0 { posterPosts[author] += 1 }
            var posts: [(id: String, author: Int, time: Double)] = [(threadID, author, t0)]
            threadAuthor.append(author)
            defer { threadPosts.append(posts) }
            guard answered[i] else { unansweredThreads += 1; continue }
            let t1 = t0 + max(1, logNormal(median: 7200, sigma: 1.5).rounded())
            guard t1 <= horizon else { continue }  // censored by the horizon: rare, not in the truth
            if isQuestion[i] { answeredQuestions += 1 }
            var responder = staffFirst[i] ? pickStaff(excluding: author) : (pickPoster(at: t1, excluding: author) ?? pickStaff(excluding: author))
            if staff.contains(author), staffFirst[i], responder == author { responder = pickStaff(excluding: author) }
            if isQuestion[i], !staff.contains(responder) { peerFirst += 1 }
            var replyTimes = [t1]
            let total = 1 + Int((log(max(1 - unit(), 0x1.0p-60)) / log(1 - 1 / 4.2)).rounded(.down))
            for _ in 1..<max(total, 1) {
                let t = t1 + 1 + logNormal(median: 21_600, sigma: 1.8).rounded()
                if t <= horizon { replyTimes.append(t) }
            }
            replyTimes.sort()
            for (k, t) in replyTimes.enumerated() {
                let replier: Int
                if k == 0 {
                    replier = responder
                } else if unit() < laterStaffShare {
                    replier = pickStaff(excluding: -1)
                } else {
                    guard let m = pickPoster(at: t, excluding: nil) else { continue }
                    replier = m
                }
                let id = "r\(nextPost)"
                nextPost += 1
                emit(t, .reply(id: id, member: memberName[replier], time: date(t), thread: threadID, parent: nil))
                if propensity[replier] > 0 { posterPosts[replier] += 1 }
                posts.append((id, replier, t))
                replies += 1
            }
            if accepted[i] {
                let candidates = posts.dropFirst().filter { $0.author != author }
                if !candidates.isEmpty {
                    let weights = candidates.map { pow(propensity[$0.author] > 0 ? propensity[$0.author] : medianPropensity, 1.5) }
                    let answer = candidates[draw(Self.cumulative(weights))]
                    let t = answer.time + 1 + logNormal(median: 4 * 3600, sigma: 1).rounded()
                    if t <= horizon {
                        emit(t, .accept(member: memberName[author], time: date(t), thread: threadID, post: answer.id))
                        accepts += 1
                    }
                }
            }
        }

        // Reactions: thread ∝ 1 + replies, post uniform in it; reactors Zipf 0.6.
        var reactors = regular
        shuffle(&reactors)
        reactors = Array(reactors.prefix(max(1, regularCount / 4)))
        let reactorCumulative = Self.cumulative(Self.zipf(reactors.count, 0.6))
        let threadCumulative = Self.cumulative(threadPosts.map { Double($0.count) })
        var reactions = 0
        for _ in 0..<count(0.15) {
            for _ in 0..<5 {
                let posts = threadPosts[draw(threadCumulative)]
                let post = posts[index(posts.count)]
                let reactor = reactors[draw(reactorCumulative)]
                guard reactor != post.author else { continue }
                let t = (max(post.time, join[reactor]) + 1 + exponential(mean: 2 * 86_400)).rounded(.down)
                guard t <= horizon else { continue }
                emit(t, .react(member: memberName[reactor], time: date(t), post: post.id))
                reactions += 1
                break
            }
        }

        // Views: viewers (90% of members, Zipf 0.5) over resources (Zipf 1.1), within their lives.
        var viewers = regular
        shuffle(&viewers)
        viewers = Array(viewers.prefix(max(1, regularCount * 9 / 10))) + Array(staffCount..<(staffCount + botCount))
        let viewerCumulative = Self.cumulative(Self.zipf(viewers.count, 0.5))
        let resourceCumulative = Self.cumulative(Self.zipf(count(0.002), 1.1))
        let viewCount = count(0.695)
        for _ in 0..<viewCount {
            let viewer = viewers[draw(viewerCumulative)]
            let t = time(join[viewer] + 1, max(join[viewer] + 1, end[viewer]))
            emit(t, .view(member: memberName[viewer], time: date(t), resource: "res-\(draw(resourceCumulative) + 1)"))
        }

        // Events: RSVPs (55% attend) and walk-ins.
        let regularByJoin = regular.sorted { join[$0] < join[$1] }
        let regularJoin = regularByJoin.map { join[$0] }
        func joinedBefore(_ t: Double) -> Int {
            var lo = 0, hi = regularJoin.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if regularJoin[mid] < t { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        let eventTimes = (0..<count(0.000_05)).map { _ in time(30 * 86_400, horizon - 3600) }
        var rsvped = Set<Int>()
        var rsvps = 0, attendances = 0
        let rsvpCount = count(0.01)
        let attends = quota(rsvpCount, 0.55)
        for k in 0..<rsvpCount {
            let e = index(eventTimes.count)
            let eventTime = eventTimes[e]
            let available = joinedBefore(eventTime - 3 * 86_400)
            guard available > 0 else { continue }
            let m = regularByJoin[index(available)]
            guard rsvped.insert(m << 20 | e).inserted else { continue }
            let t = time(max(join[m] + 1, eventTime - 14 * 86_400), eventTime - 3600)
            emit(t, .rsvp(member: memberName[m], time: date(t), event: "event-\(e + 1)"))
            rsvps += 1
            if attends[k] {
                let attendedAt = eventTime + Double(index(600))
                emit(attendedAt, .attend(member: memberName[m], time: date(attendedAt), event: "event-\(e + 1)"))
                attendances += 1
            }
        }
        for _ in 0..<count(0.000_5) {
            let e = index(eventTimes.count)
            let available = joinedBefore(eventTimes[e] - 3600)
            guard available > 0 else { continue }
            let m = regularByJoin[index(available)]
            guard !rsvped.contains(m << 20 | e) else { continue }
            let t = eventTimes[e] + Double(index(600))
            emit(t, .attend(member: memberName[m], time: date(t), event: "event-\(e + 1)"))
            attendances += 1
        }

        // Sort by (t, event id) and number the lines.
        lines.sort { $0.time != $1.time ? $0.time < $1.time : $0.seq < $1.seq }
        let records = lines.enumerated().map { ActivityRecord(line: $0.offset + 1, event: $0.element.event) }

        // Expected top-10% share of non-staff posts: thread authors and repliers drawn from the
        // joined prefix get w_i / W_prefix per draw.
        var suffix = 0.0
        var expected = [Double](repeating: 0, count: posterOrder.count)
        for j in stride(from: posterOrder.count - 1, through: 0, by: -1) {
            suffix += expectedMass[j]
            expected[j] = propensity[posterOrder[j]] * suffix
        }
        let sortedExpected = expected.sorted(by: >)
        let active = sortedExpected.filter { $0 > 0 }
        let top = active.prefix((active.count + 9) / 10).reduce(0, +)
        let total = active.reduce(0, +)

        let manifest = SyntheticManifest(
            seed: configuration.seed, lines: records.count, members: joins, staff: staffCount, bots: botCount,
            posters: posters.count, threads: threadCount, questions: questionIndices.count, replies: replies,
            reactions: reactions, views: viewCount, rsvps: rsvps, attendances: attendances, accepts: accepts,
            postingZipfExponent: 0.78, ttfrMedianSeconds: 7200, ttfrP90Seconds: 7200 * exp(1.2816 * 1.5),
            pas: answeredQuestions == 0 ? 0 : Double(peerFirst) / Double(answeredQuestions),
            unansweredRate: Double(unansweredThreads) / Double(threadCount),
            top10PercentShare: total > 0 ? top / total : 0)
        return SyntheticCommunity(log: ActivityLog(sorted: records), manifest: manifest)
    }
}
