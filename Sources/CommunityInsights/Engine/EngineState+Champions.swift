import Foundation

/// The A3 verdict of one member at the evaluation time.
struct ChampionStatus: Sendable {
    var champion: Bool
    var emerging: Bool
    var reasons: [String]
}

extension EngineState {
    /// The evaluation days of A3: the last `championHoldDays` days, 1 to 28.
    var championHold: Int { Self.championHold(configuration) }

    /// The evaluation days of A3 under `configuration` (the activity section needs them before a
    /// state exists).
    static func championHold(_ configuration: InsightsConfiguration) -> Int {
        min(max(configuration.championHoldDays, 1), 28)
    }

    /// The A3 window: the trailing 100 days `[k, k + 100)` of evaluation day k.
    static let championSpan = WindowCoverage.span

    /// The A3 counts that precede the per-member verdicts; the reactions received tallied on a
    /// thread of their own when `concurrently`.
    func championEvidence(concurrently: Bool = false) -> ChampionEvidence {
        let hold = championHold
        let n = members.count
        let reactionsTask = SideTask.start(if: concurrently && activityParts == nil) {
            self.activity.recentReactions.tally(members: n, hold: hold)
        }
        // Replies to threads started by others (undeleted), logged (replier, thread, day) and
        // counted per member and evaluation day k into `helpedThreads[m * hold + k]` (distinct
        // threads; ``DayPairLog``, ``DayPairGroups``); distinct participants per thread (non-bot repliers other
        // than the author), up to the 5 that make a debate, in a flat array of 5 slots per thread.
        var replies = DayPairLog()
        let debateSize = 5
        var participants = [Int32](repeating: -1, count: threads.count * debateSize)
        for p in postLinks.indices {
            prefetchChampionPass(p, participants: participants, debateSize: debateSize)
            let th = Int(postLinks[p].thread)
            guard th >= 0 else { continue }
            // A post before the span (every window lies within it) counts nowhere: its replied day
            // is out of every window, and its thread, started no later, is too old for a debate
            // to count (a thread's replies are all skipped or all kept). Checked first: it reads
            // the post's own time, not the thread's and author's state.
            let offset = evaluationDay - RFC3339.day(postTime[p])
            guard offset < DayMask.span, threads[th].root != p else { continue }
            let author = Int(postLinks[p].author)
            guard !members[author].bot, author != threadAuthor[th] else { continue }
            let slots = (th * debateSize)..<(th * debateSize + debateSize)
            if let free = slots.first(where: { participants[$0] < 0 || participants[$0] == Int32(author) }),
               participants[free] < 0 {
                participants[free] = Int32(author)
            }
            if !postDeleted[p] { replies.append(owner: author, partner: th, offset: offset) }
        }
        let helpedThreads = replies.grouped(ownerCount: n).distinctPartnersPerWindow(partnerCount: threads.count, hold: hold)
        var debateOffsets: [Int: [Int]] = [:]
        for th in threads.indices where participants[th * debateSize + debateSize - 1] >= 0 {
            debateOffsets[threadAuthor[th], default: []].append(evaluationDay - RFC3339.day(threadT0[th]))
        }
        var flagged: [Int: [(post: Int, offset: Int)]] = [:]
        for entry in recentFlagsAndHides { flagged[Int(postLinks[entry.post].author), default: []].append(entry) }
        return ChampionEvidence(
            hold: hold, helpedThreads: helpedThreads,
            reactions: reactionsTask?.wait() ?? activityParts?.reactions ?? activity.recentReactions.tally(members: n, hold: hold),
            debateOffsets: debateOffsets, flagged: flagged)
    }

    /// A3 for member `m`, evaluated on each of the last ``championHold`` days (offset k = days
    /// before E) over the trailing 100 days `[k, k + 100)`; a status reached on any of them is
    /// held at E. `nil` for bots and staff. `texts` caches the reasons' texts across members.
    func championStatus(
        of m: Int, _ evidence: ChampionEvidence, newcomerResponses: [[Int]], acceptedOffsets: [[Int]],
        texts: inout ChampionReasons
    ) -> ChampionStatus? {
        guard !members[m].bot, !members[m].staff else { return nil }
        let hold = evidence.hold
        let span = Self.championSpan
        let helpedThreads = evidence.helpedThreads, reactors = evidence.reactions.distinctReactors

        /// Whether `m` may meet three of the four criteria on any of the days 1..<hold, from a bound
        /// of each criterion over all of them (presence over the union of their windows; the most
        /// threads helped and distinct reactors on any of them; every first response to a
        /// newcomer, accepted answer, debate and reaction of the span; the flag criterion met).
        /// When not, those days cannot make the member champion or emerging.
        func mayMeetThree(_ m: Int, _ reactions: Int, _ debates: Int) -> Bool {
            let presence = activity.members[m].presence.count(1..<(hold - 1 + 90)) >= configuration.championPresenceDays
            var helped = 0, distinct = 0
            for k in 1..<hold {
                helped = max(helped, Int(helpedThreads[m * hold + k]))
                distinct = max(distinct, Int(reactors[m * hold + k]))
            }
            let helps = (helped >= 10 && (newcomerResponses[m].count >= 3 || acceptedOffsets[m].count >= 3)) || debates >= 2
            let recognised = reactions >= 20 && distinct >= 10
            return (presence ? 1 : 0) + (helps ? 1 : 0) + (recognised ? 1 : 0) + 1 >= 3
        }

        var championAt: Int?, emergingAt: Int?
        var reasons: [String] = []
        // Per member, not per evaluation day: the dictionaries are hashed once.
        let debateList = evidence.debateOffsets[m]
        let flagList = evidence.flagged[m]
        var reactions = evidence.reactions.receivedSums(of: m, span: span)
        for k in 0..<hold {
            // A status reached on an earlier day is held: later days change nothing.
            if championAt != nil { break }
            if k == 1, !mayMeetThree(m, reactions.spanTotal, debateList?.count ?? 0) { break }
            let window = k..<(k + span)
            guard memberJoin[m] <= evaluation - Double(k + 30) * Self.dayLength else {
                if k == 0 { reasons = ["missed: member for fewer than 30 days"] }
                continue
            }
            let presence = activity.members[m].presence.count(k..<(k + 90))
            let helped = Int(helpedThreads[m * hold + k])
            let newcomer = Self.count(newcomerResponses[m], in: window)
            let accepted = Self.count(acceptedOffsets[m], in: window)
            let debates = debateList.map { Self.count($0, in: window) } ?? 0
            let received = reactions.sum(at: k)
            let distinct = Int(reactors[m * hold + k])
            let flags = flagList.map { list in Set(list.lazy.filter { window.contains($0.offset) }.map(\.post)).count } ?? 0
            let c1 = presence >= configuration.championPresenceDays
            let helps = helped >= 10 && (newcomer >= 3 || accepted >= 3)
            let c2 = helps || debates >= 2
            let c3 = received >= 20 && distinct >= 10
            let c4 = flags <= 5
            let met = (c1 ? 1 : 0) + (c2 ? 1 : 0) + (c3 ? 1 : 0) + (c4 ? 1 : 0)
            if met == 4 { championAt = championAt ?? k }
            if met >= 3 { emergingAt = emergingAt ?? k }
            if k == 0 {
                reasons = texts.reasons(
                    presence: presence, helped: helped, newcomer: newcomer, accepted: accepted, debates: debates,
                    reactions: received, distinct: distinct, flags: flags)
            }
        }
        let champion = championAt != nil
        let emerging = !champion && emergingAt != nil
        if champion, let k = championAt, k > 0 {
            reasons.append("held: all four criteria met \(k) days before the evaluation time (status held \(hold) days)")
        } else if emerging, let k = emergingAt, k > 0 {
            reasons.append("held: three of four criteria met \(k) days before the evaluation time (status held \(hold) days)")
        }
        return ChampionStatus(champion: champion, emerging: emerging, reasons: reasons)
    }

    /// Hints the cache to fetch what the A3 post pass will read at post `p`'s turn plus
    /// `farRows` (its thread, the thread's author and debate slots, the post's author, when the
    /// post is recent enough to count).
    func prefetchChampionPass(_ p: Int, participants: [Int32], debateSize: Int) {
        let far = p + Self.farRows
        guard far < postLinks.count else { return }
        let th = Int(postLinks[far].thread)
        // A post has a time (a resource's is NaN), so the day is taken after the thread check.
        guard th >= 0, evaluationDay - RFC3339.day(postTime[far]) < DayMask.span else { return }
        threads.prefetch(th)
        threadAuthor.prefetch(th)
        participants.prefetch(th * debateSize)
        members.prefetch(Int(postLinks[far].author))
    }

    /// How many of `offsets` lie in `window` (no intermediate array: this runs per member and day).
    static func count(_ offsets: [Int], in window: Range<Int>) -> Int {
        var n = 0
        for offset in offsets where window.contains(offset) { n += 1 }
        return n
    }
}
