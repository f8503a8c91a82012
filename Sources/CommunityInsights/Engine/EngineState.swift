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
        case let .thread(id, author, _, _, kind, tags):
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
            posted(m, t, post: p)
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
            engaged(m, t, thread: th, weight: 5)
        case let .accept(author, _, threadID, postID):
            let m = try member(author, record)
            active(m, t)
            guard let root = postIndex[threadID], let p = postIndex[postID], postThread[p] >= 0,
                  threadRoot[postThread[p]] == root
            else { return false }
            threadAccepted[postThread[p]] = p
        case let .react(author, _, postID):
            let m = try member(author, record)
            if inWindow(t) { reactionsInWindow += 1 }
            guard let p = postIndex[postID], postThread[p] >= 0 else {
                active(m, t)
                engaged(m, t, thread: nil, weight: 2)
                return false
            }
            engaged(m, t, thread: postThread[p], weight: 2)
        case let .delete(author, _, postID):
            _ = try member(author, record)
            guard let p = postIndex[postID] else { return false }
            postDeleted[p] = true
        case let .flag(author, _, postID):
            _ = try member(author, record)
            guard let p = postIndex[postID] else { return false }
            postFlags[p] += 1
        case let .rsvp(author, _, event):
            let m = try member(author, record)
            active(m, t)
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
            guard !memberBot[m], !memberStaff[m] else { break }
            let pair = m << 32 | internEvent(event)
            attendPairs.insert(pair)
            if inWindow(t), !rsvpPairs.contains(pair) { walkInPairsInWindow.insert(pair) }
        case let .view(author, _, resource):
            let m = try member(author, record)
            active(m, t)
            if inWindow(t) { viewsInWindow += 1 }
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

    /// Reading 5: an active line by a member who is neither staff at the line nor a bot.
    mutating func active(_ m: Int, _ t: Double) {
        guard !memberBot[m], !memberStaff[m] else { return }
        let offset = stickinessLastDay - RFC3339.day(t)
        if offset >= 0, offset < 59 { memberDayMask[m] |= 1 << UInt64(offset) }
        memberLastActive[m] = t
        let day = RFC3339.day(t)
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
        if inWindow(t), !memberStaff[m], !memberBot[m] { memberPostsInWindow[m] += 1 }
    }

    /// An engaged action (reaction, thread, reply; §0): also an active one.
    mutating func engaged(_ m: Int, _ t: Double, thread: Int?, weight: Double) {
        active(m, t)
        guard !memberBot[m], !memberStaff[m], inWindow(t) else { return }
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
