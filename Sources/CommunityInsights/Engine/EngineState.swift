import CommunityCore
import Foundation

/// The mutable state of ``InsightsEngine``: struct-of-arrays indexed by dense integer ids, so
/// memory stays O(members + threads + posts) and nothing is kept per view or reaction.
struct EngineState: Sendable {
    let from: Double
    let to: Double
    let evaluation: Double
    let configuration: InsightsConfiguration
    /// C1: the last day of the 30-day stickiness period (Reading 6).
    let stickinessLastDay: Int

    var lastTime = -Double.infinity
    var recordCount = 0

    // Members.
    var memberIndex: [String: Int] = [:]
    var memberID: [String] = []
    var memberJoin: [Double] = []
    var memberJoinLine: [Int] = []
    var memberBot: [Bool] = []
    var memberStaff: [Bool] = []
    var memberStaffAtJoin: [Bool] = []
    /// C1: bit i set = active on day `stickinessLastDay − i`, i < 59.
    var memberDayMask: [UInt64] = []
    var memberLastEngagedDay: [Int] = []
    /// C1 daily series: the last day with Reading 5 activity, DAU per day, and MAU as a
    /// difference array (MAU(d) = Σ deltas at days ≤ d).
    var memberLastActiveDay: [Int] = []
    var dauPerDay: [Int: Int] = [:]
    var mauDelta: [Int: Int] = [:]
    var memberEngagedInWindow: [Bool] = []
    var memberStartedThreadInWindow: [Bool] = []
    var memberVisitActiveInWindow: [Bool] = []
    var memberFirstPost: [Double] = []
    var memberFirstPostStaff: [Bool] = []
    var memberPostsInWindow: [Int] = []
    var memberFirstPostIndex: [Int] = []
    var memberSecondPost: [Double] = []
    /// C3: bit 0/1/2 = active on day 1/7/30 after joining; bit 2+k = active in week k (1…12).
    var memberRetentionBits: [UInt32] = []
    var memberLastActive: [Double] = []
    var memberRSVPInWindow: [Bool] = []
    /// §3 Love so far (decayed to the evaluation time, capped per type and day).
    var memberLove: [Double] = []
    /// §3 cap: (day, count) per member and activity type (6 types: view react rsvp attend reply thread).
    var memberCapDay: [Int] = []
    var memberCapCount: [Int] = []
    /// Days (offset from the evaluation day) with a Reading 5 line, whatever the staff status.
    var memberPresence: [DayMask] = []
    /// Days with an activity of weight 1–3, 4–6 (Orbit levels L4, L3); 7–9 (L2) is set at report time.
    var memberWeightLow: [DayMask] = []
    var memberWeightMid: [DayMask] = []
    var memberLastSeen: [Double] = []
    var memberLastPost: [Double] = []
    var memberLastEngaged: [Double] = []
    /// Engagement weight per tag over the whole log (top interests, H_m).
    var memberTagWeights: [[Int: Double]] = []
    /// C10: first view and first reaction-or-RSVP (any staff status).
    var memberFirstView: [Double] = []
    var memberFirstReactOrRSVP: [Double] = []
    var memberViewsInWindow: [Int] = []

    // Tags.
    var tagIndex: [String: Int] = [:]
    var tagName: [String] = []
    var tagProduct: [Bool] = []
    var tagWeight: [Double] = []

    // Posts (thread roots and replies share the id space).
    var postIndex: [String: Int] = [:]
    var postID: [String] = []
    var postAuthor: [Int] = []
    var postThread: [Int] = []
    var postTime: [Double] = []
    var postStaff: [Bool] = []
    var postDeleted: [Bool] = []
    var postFlags: [Int] = []

    // Threads.
    var threadRoot: [Int] = []
    var threadAuthor: [Int] = []
    var threadT0: [Double] = []
    var threadQuestion: [Bool] = []
    var threadTags: [[Int]] = []
    var threadAuthorStaff: [Bool] = []
    /// Replies that may be a first response: author ≠ thread author, not a bot, t > t0.
    var threadCandidates: [[Int]] = []
    var threadAccepted: [Int] = []
    var threadViewsInWindow: [Int] = []
    var threadAcceptTime: [Double] = []
    /// §4 letters from configuration or keywords (bit i = `SpicesLetter.allCases[i]`), and whether
    /// configuration set them (then the defaults are skipped).
    var threadSpicesBase: [UInt8] = []
    var threadSpicesConfigured: [Bool] = []
    var memberSpices: [Double] = []
    /// §4 letters per event or resource id, computed once per id (keyword matching is costly).
    var eventLetterCache: [String: UInt8] = [:]
    var resourceLetterCache: [String: UInt8] = [:]
    var communitySpices = [Double](repeating: 0, count: 7)

    // A3 inputs inside the 128-day span before the evaluation day.
    let evaluationDay: Int
    /// Reactions received per recipient and day offset.
    var recentReactionsReceived: [Int: [Int]] = [:]
    /// Days on which a reactor reacted to a recipient, keyed recipient << 32 | reactor.
    var recentReactorDays: [Int: DayMask] = [:]
    /// Flags of posts and deletions by someone else ("hidden"): (post, day offset).
    var recentFlagsAndHides: [(post: Int, offset: Int)] = []

    // C9.
    var firstLogDay: Int?
    var heatmap = [Int](repeating: 0, count: 7 * 24)
    var activityPerDay: [Int: Int] = [:]

    // C11: (member, event) pairs keyed member << 32 | event.
    var eventIndex: [String: Int] = [:]
    var rsvpPairs: Set<Int> = []
    var rsvpPairsInWindow: Set<Int> = []
    var attendPairs: Set<Int> = []
    var walkInPairsInWindow: Set<Int> = []

    // Window counters.
    var repliesInWindow = 0
    var reactionsInWindow = 0
    var viewsInWindow = 0
    var joinedInWindow: [Int] = []
    var engagedPerDay: [Int: Int] = [:]

    init(window: InsightsWindow, evaluationTime: Double, configuration: InsightsConfiguration) {
        from = window.from.timeIntervalSince1970
        to = window.to.timeIntervalSince1970
        evaluation = evaluationTime
        self.configuration = configuration
        stickinessLastDay = RFC3339.day(min(evaluationTime, to))
        evaluationDay = RFC3339.day(evaluationTime)
    }

    func inWindow(_ t: Double) -> Bool { t >= from && t < to }

    func error(_ record: ActivityRecord, _ message: String) -> CommunityError {
        ActivityLogReader.lineError(record.line, message)
    }

    func member(_ id: String, _ record: ActivityRecord) throws(CommunityError) -> Int {
        guard let index = memberIndex[id] else {
            throw error(record, "member \"\(id)\" appears before their member line; add a member line with a t at or before this line's t")
        }
        return index
    }

    /// Folds a record in; returns `false` if it was skipped because a reference did not resolve.
    mutating func consume(_ record: ActivityRecord) throws(CommunityError) -> Bool {
        recordCount += 1
        guard let date = record.time else {
            if case let .tag(tag, product) = record.event {
                tagProduct[internTag(tag)] = product
            }
            return true
        }
        let t = date.timeIntervalSince1970
        guard t >= lastTime else {
            throw error(record, "records must be consumed in (t, line) order; this line's t \(RFC3339.format(date)) is earlier than the previous record's")
        }
        guard t <= evaluation else {
            throw error(record, "t \(RFC3339.format(date)) is after the evaluation time \(RFC3339.format(Date(timeIntervalSince1970: evaluation)))")
        }
        lastTime = t
        if firstLogDay == nil { firstLogDay = RFC3339.day(t) }
        switch record.event {
        case .tag:
            return true
        case let .member(id, _, staff, bot):
            if let existing = memberIndex[id] {
                throw error(record, "member \"\(id)\" already has a member line (line \(memberJoinLine[existing])); use role lines for staff changes")
            }
            let m = addMember(id, t: t, line: record.line, staff: staff, bot: bot)
            active(m, t)
            if inWindow(t), !staff, !bot { joinedInWindow.append(m) }
        case let .role(id, _, staff):
            memberStaff[try member(id, record)] = staff
        case let .thread(id, author, _, space, kind, tags):
            let m = try member(author, record)
            let p = try addPost(id, record, author: m, t: t, thread: threadRoot.count)
            var distinct: [Int] = []
            for tag in tags ?? [] {
                let k = internTag(tag)
                if !distinct.contains(k) { distinct.append(k) }
            }
            threadRoot.append(p)
            threadAuthor.append(m)
            threadT0.append(t)
            threadQuestion.append(kind == .question)
            threadTags.append(distinct)
            threadAuthorStaff.append(memberStaff[m])
            threadCandidates.append([])
            threadAccepted.append(-1)
            threadViewsInWindow.append(0)
            threadAcceptTime.append(.nan)
            let (base, configured) = Spices.threadBase(space: space, tags: tags ?? [], map: configuration.spicesMap)
            threadSpicesBase.append(base)
            threadSpicesConfigured.append(configured)
            posted(m, t, post: p)
            love(m, t, type: 5, weight: 6)
            spices(m, t, threadLetters(threadRoot.count - 1, view: false, t), weight: 6)
            if inWindow(t), !memberStaff[m], !memberBot[m] { memberStartedThreadInWindow[m] = true }
            engaged(m, t, thread: threadRoot.count - 1, weight: 6)
        case let .reply(id, author, _, threadID, _):
            let m = try member(author, record)
            guard let root = postIndex[threadID], threadRoot[postThread[root]] == root else {
                _ = try addPost(id, record, author: m, t: t, thread: -1)
                engaged(m, t, thread: nil, weight: 5)
                return false
            }
            let th = postThread[root]
            let p = try addPost(id, record, author: m, t: t, thread: th)
            if m != threadAuthor[th], !memberBot[m], t > threadT0[th] { threadCandidates[th].append(p) }
            if inWindow(t) { repliesInWindow += 1 }
            posted(m, t, post: p)
            love(m, t, type: 4, weight: 5)
            spices(m, t, threadLetters(th, view: false, t), weight: 5)
            engaged(m, t, thread: th, weight: 5)
        case let .accept(author, _, threadID, postID):
            let m = try member(author, record)
            active(m, t)
            guard let root = postIndex[threadID], let p = postIndex[postID], postThread[p] >= 0,
                  threadRoot[postThread[p]] == root
            else { return false }
            threadAccepted[postThread[p]] = p
            threadAcceptTime[postThread[p]] = t
        case let .react(author, _, postID):
            let m = try member(author, record)
            memberFirstReactOrRSVP[m] = min(memberFirstReactOrRSVP[m], t)
            if inWindow(t) { reactionsInWindow += 1 }
            guard let p = postIndex[postID], postThread[p] >= 0 else {
                active(m, t)
                engaged(m, t, thread: nil, weight: 2)
                return false
            }
            engaged(m, t, thread: postThread[p], weight: 2)
            love(m, t, type: 1, weight: 2)
            spices(m, t, threadLetters(postThread[p], view: false, t), weight: 2)
            let recipient = postAuthor[p]
            let offset = evaluationDay - RFC3339.day(t)
            if recipient != m, !memberBot[m], offset < DayMask.span {
                recentReactionsReceived[recipient, default: [Int](repeating: 0, count: DayMask.span)][offset] += 1
                recentReactorDays[recipient << 32 | m, default: DayMask()].insert(offset)
            }
        case let .delete(author, _, postID):
            let m = try member(author, record)
            guard let p = postIndex[postID] else { return false }
            postDeleted[p] = true
            let offset = evaluationDay - RFC3339.day(t)
            if m != postAuthor[p], offset < DayMask.span { recentFlagsAndHides.append((p, offset)) }
        case let .flag(author, _, postID):
            _ = try member(author, record)
            guard let p = postIndex[postID] else { return false }
            postFlags[p] += 1
            let offset = evaluationDay - RFC3339.day(t)
            if offset < DayMask.span { recentFlagsAndHides.append((p, offset)) }
        case let .rsvp(author, _, event):
            let m = try member(author, record)
            memberFirstReactOrRSVP[m] = min(memberFirstReactOrRSVP[m], t)
            active(m, t)
            love(m, t, type: 2, weight: 3)
            spices(m, t, eventLetters(event), weight: 3)
            guard !memberBot[m], !memberStaff[m] else { break }
            let pair = m << 32 | internEvent(event)
            rsvpPairs.insert(pair)
            if inWindow(t) {
                rsvpPairsInWindow.insert(pair)
                memberRSVPInWindow[m] = true
            }
        case let .attend(author, _, event):
            let m = try member(author, record)
            active(m, t)
            love(m, t, type: 3, weight: 5)
            spices(m, t, eventLetters(event), weight: 5)
            guard !memberBot[m], !memberStaff[m] else { break }
            let pair = m << 32 | internEvent(event)
            attendPairs.insert(pair)
            if inWindow(t), !rsvpPairs.contains(pair) { walkInPairsInWindow.insert(pair) }
        case let .view(author, _, resource):
            let m = try member(author, record)
            memberFirstView[m] = min(memberFirstView[m], t)
            active(m, t)
            if inWindow(t) { viewsInWindow += 1 }
            love(m, t, type: 0, weight: 1)
            if let p = postIndex[resource], postThread[p] >= 0, threadRoot[postThread[p]] == p {
                spices(m, t, threadLetters(postThread[p], view: true, t), weight: 1)
            } else {
                spices(m, t, resourceLetters(resource), weight: 1)
            }
            guard !memberBot[m], !memberStaff[m], inWindow(t) else { break }
            memberViewsInWindow[m] += 1
            if let p = postIndex[resource], postThread[p] >= 0, threadRoot[postThread[p]] == p {
                threadViewsInWindow[postThread[p]] += 1
            }
        }
        return true
    }

    mutating func internTag(_ tag: String) -> Int {
        if let k = tagIndex[tag] { return k }
        tagIndex[tag] = tagName.count
        tagName.append(tag)
        tagProduct.append(false)
        tagWeight.append(0)
        return tagName.count - 1
    }

    mutating func internEvent(_ event: String) -> Int {
        if let e = eventIndex[event] { return e }
        eventIndex[event] = eventIndex.count
        return eventIndex.count - 1
    }

    mutating func addMember(_ id: String, t: Double, line: Int, staff: Bool, bot: Bool) -> Int {
        let m = memberID.count
        memberIndex[id] = m
        memberID.append(id)
        memberJoin.append(t)
        memberJoinLine.append(line)
        memberBot.append(bot)
        memberStaff.append(staff)
        memberStaffAtJoin.append(staff)
        memberDayMask.append(0)
        memberLastEngagedDay.append(Int.min)
        memberLastActiveDay.append(Int.min)
        memberEngagedInWindow.append(false)
        memberStartedThreadInWindow.append(false)
        memberVisitActiveInWindow.append(false)
        memberFirstPost.append(.infinity)
        memberFirstPostStaff.append(false)
        memberPostsInWindow.append(0)
        memberFirstPostIndex.append(-1)
        memberSecondPost.append(.infinity)
        memberRetentionBits.append(0)
        memberLastActive.append(-.infinity)
        memberRSVPInWindow.append(false)
        memberViewsInWindow.append(0)
        memberLove.append(0)
        memberCapDay.append(contentsOf: [Int](repeating: Int.min, count: 6))
        memberCapCount.append(contentsOf: [Int](repeating: 0, count: 6))
        memberPresence.append(DayMask())
        memberWeightLow.append(DayMask())
        memberWeightMid.append(DayMask())
        memberLastSeen.append(-.infinity)
        memberLastPost.append(-.infinity)
        memberLastEngaged.append(-.infinity)
        memberTagWeights.append([:])
        memberSpices.append(contentsOf: [Double](repeating: 0, count: 7))
        memberFirstView.append(.infinity)
        memberFirstReactOrRSVP.append(.infinity)
        return m
    }

    mutating func addPost(_ id: String, _ record: ActivityRecord, author: Int, t: Double, thread: Int) throws(CommunityError) -> Int {
        if postIndex[id] != nil {
            throw error(record, "post id \"\(id)\" is already used by an earlier thread or reply; post ids must be unique")
        }
        let p = postID.count
        postIndex[id] = p
        postID.append(id)
        postAuthor.append(author)
        postThread.append(thread)
        postTime.append(t)
        postStaff.append(memberStaff[author])
        postDeleted.append(false)
        postFlags.append(0)
        return p
    }

    /// §3: an activity of `weight` counted into Love (decay 0.9 per 30 days, last 365 days,
    /// at most 20 per type, member and UTC day) and into the Orbit weight masks.
    mutating func love(_ m: Int, _ t: Double, type: Int, weight: Double) {
        guard !memberBot[m], t > evaluation - 365 * 86_400 else { return }
        let day = RFC3339.day(t)
        let slot = m * 6 + type
        if memberCapDay[slot] != day {
            memberCapDay[slot] = day
            memberCapCount[slot] = 0
        }
        guard memberCapCount[slot] < 20 else { return }
        memberCapCount[slot] += 1
        memberLove[m] += weight * Self.decay(evaluation - t)
        let offset = evaluationDay - day
        if weight <= 3 { memberWeightLow[m].insert(offset) } else { memberWeightMid[m].insert(offset) }
    }

    /// §4 letters of an activity on a thread: configuration first, else keyword letters plus
    /// Support for question threads (views only once solved), else Engagement.
    func threadLetters(_ th: Int, view: Bool, _ t: Double) -> UInt8 {
        if threadSpicesConfigured[th] { return threadSpicesBase[th] }
        var letters = threadSpicesBase[th]
        if threadQuestion[th], !view || (threadAccepted[th] >= 0 && threadAcceptTime[th] <= t) {
            letters |= Spices.bit(.support)
        }
        return letters == 0 ? Spices.bit(.engagement) : letters
    }

    mutating func eventLetters(_ event: String) -> UInt8 {
        if let cached = eventLetterCache[event] { return cached }
        let letters = Spices.eventLetters(event, map: configuration.spicesMap)
        eventLetterCache[event] = letters
        return letters
    }

    mutating func resourceLetters(_ resource: String) -> UInt8 {
        if let cached = resourceLetterCache[resource] { return cached }
        let letters = Spices.resourceLetters(resource, map: configuration.spicesMap)
        resourceLetterCache[resource] = letters
        return letters
    }

    /// Adds `weight` split evenly over `letters` to the member's profile and, inside the window
    /// and for non-staff members, to the community's shares. An accept (weight 0 here) earns §3's 8
    /// at report time, when it is known to be the final accept.
    mutating func spices(_ m: Int, _ t: Double, _ letters: UInt8, weight: Double) {
        guard !memberBot[m], weight > 0, letters != 0 else { return }
        let share = weight / Double(letters.nonzeroBitCount)
        for i in 0..<7 where letters & (1 << UInt8(i)) != 0 {
            memberSpices[m * 7 + i] += share
            if inWindow(t), !memberStaff[m] { communitySpices[i] += share }
        }
    }

    /// 0.9^(age / 30 days).
    static func decay(_ age: Double) -> Double {
        pow(0.9, age / (30 * 86_400))
    }

    /// Reading 5: an active line by a member who is neither staff at the line nor a bot.
    mutating func active(_ m: Int, _ t: Double) {
        if !memberBot[m] {
            memberPresence[m].insert(evaluationDay - RFC3339.day(t))
            memberLastSeen[m] = t
        }
        guard !memberBot[m], !memberStaff[m] else { return }
        let offset = stickinessLastDay - RFC3339.day(t)
        if offset >= 0, offset < 59 { memberDayMask[m] |= 1 << UInt64(offset) }
        memberLastActive[m] = t
        let day = RFC3339.day(t)
        let lastDay = memberLastActiveDay[m]
        if lastDay != day {
            // Days arrive in order: this day adds the member to MAU on [max(day, last + 30), day + 30).
            dauPerDay[day, default: 0] += 1
            let start = lastDay == Int.min ? day : max(day, lastDay + 30)
            if start < day + 30 {
                mauDelta[start, default: 0] += 1
                mauDelta[day + 30, default: 0] -= 1
            }
            memberLastActiveDay[m] = day
        }
        activityPerDay[day, default: 0] += 1
        if inWindow(t) {
            memberVisitActiveInWindow[m] = true
            let weekday = ((day + 3) % 7 + 7) % 7  // 0 = Monday; 1970-01-01 was a Thursday
            let hour = Int((t - Double(day) * 86_400) / 3600)
            heatmap[weekday * 24 + min(max(hour, 0), 23)] += 1
        }
        let age = t - memberJoin[m]
        if age >= 86_400 {
            let days = Int(age / 86_400)
            if days == 1 { memberRetentionBits[m] |= 1 }
            if days == 7 { memberRetentionBits[m] |= 2 }
            if days == 30 { memberRetentionBits[m] |= 4 }
            let week = Int(age / (7 * 86_400))
            if (1...12).contains(week) { memberRetentionBits[m] |= 1 << UInt32(2 + week) }
        }
    }

    /// A post (thread or reply) by `m` at `t`: first post and C8 counts.
    mutating func posted(_ m: Int, _ t: Double, post: Int) {
        if memberFirstPost[m] == .infinity {
            memberFirstPost[m] = t
            memberFirstPostStaff[m] = memberStaff[m]
            memberFirstPostIndex[m] = post
        } else if memberSecondPost[m] == .infinity {
            memberSecondPost[m] = t
        }
        memberLastPost[m] = t
        if inWindow(t), !memberStaff[m], !memberBot[m] { memberPostsInWindow[m] += 1 }
    }

    /// An engaged action (reaction, thread, reply; §0): also an active one.
    mutating func engaged(_ m: Int, _ t: Double, thread: Int?, weight: Double) {
        active(m, t)
        guard !memberBot[m], !memberStaff[m] else { return }
        memberLastEngaged[m] = t
        if let thread, !threadTags[thread].isEmpty {
            let share = weight / Double(threadTags[thread].count)
            for k in threadTags[thread] { memberTagWeights[m][k, default: 0] += share }
        }
        guard inWindow(t) else { return }
        memberEngagedInWindow[m] = true
        let day = RFC3339.day(t)
        if memberLastEngagedDay[m] != day {
            memberLastEngagedDay[m] = day
            engagedPerDay[day, default: 0] += 1
        }
        if let thread, !threadTags[thread].isEmpty {
            let share = weight / Double(threadTags[thread].count)
            for k in threadTags[thread] { tagWeight[k] += share }
        }
    }

    /// (t, post id as bytes) order of posts.
    func postPrecedes(_ a: Int, _ b: Int) -> Bool {
        if postTime[a] != postTime[b] { return postTime[a] < postTime[b] }
        return postID[a].utf8.lexicographicallyPrecedes(postID[b].utf8)
    }

    /// §0 / Reading 8 first response of a thread: earliest undeleted candidate reply.
    func firstResponse(_ th: Int) -> Int? {
        var best: Int?
        for p in threadCandidates[th] where !postDeleted[p] {
            if let b = best, !postPrecedes(p, b) { continue }
            best = p
        }
        return best
    }

    /// The first undeleted candidate reply written by staff (`true`) or by a peer (`false`).
    func firstResponse(_ th: Int, staff: Bool) -> Int? {
        var best: Int?
        for p in threadCandidates[th] where !postDeleted[p] && postStaff[p] == staff {
            if let b = best, !postPrecedes(p, b) { continue }
            best = p
        }
        return best
    }
}
