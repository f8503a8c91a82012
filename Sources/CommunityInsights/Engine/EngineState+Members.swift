import Foundation

/// Report-time member analytics: §3 Love, Orbit levels and gravity, C7, A3 and the CRM records.
struct MemberAnalytics: Sendable {
    var conversion: Conversion
    var engagement: EngagementLevels
    var champions: ChampionSummary
    var inactiveAtRisk: InactiveAndAtRisk
    var members: [MemberInsight]
}

extension EngineState {
    static let dayLength = 86_400.0

    /// The member analytics; when `concurrently`, the members' order by id with C7
    /// (``memberOrder(_:)``) is computed on a further thread from the start while this one
    /// computes the levels, and the A3 verdicts and the CRM records are each built in two halves
    /// on two threads. `responses` are every thread's first responses; `evidenceTask`, when
    /// given, computes A3's counts (``championEvidence(concurrently:)``), else this thread does.
    func memberAnalytics(
        _ responses: [ThreadResponses], evidenceTask: SideTask<ChampionEvidence>? = nil, concurrently: Bool = false
    ) -> MemberAnalytics {
        let n = members.count
        // So do the members' order by id and C7.
        let humans = members.indices.filter { !members[$0].bot }
        let orderTask = SideTask.start(if: concurrently) { self.memberOrder(humans) }
        var love = activity.members.map(\.love)
        var weightHigh = [DayMask](repeating: DayMask(), count: n)
        var acceptedAnswers = [Int](repeating: 0, count: n)
        var peerFirstResponses = [Int](repeating: 0, count: n)
        var spices = members.indices.map { memberSpices[$0] }
        var community = communitySpices
        // Offsets (days before E) of first responses to newcomer threads and of accepted answers.
        var newcomerResponses = [[Int]](repeating: [], count: n)
        var acceptedOffsets = [[Int]](repeating: [], count: n)
        for th in threads.indices {
            let author = threadAuthor[th]
            if let fr = responses[th].response {
                let responder = Int(postLinks[fr].author)
                if !postStaff[fr] { peerFirstResponses[responder] += 1 }
                if threadT0[th] - memberJoin[author] <= configuration.newcomerAge {
                    let t = postTime[fr]
                    let offset = evaluationDay - RFC3339.day(t)
                    newcomerResponses[responder].append(offset)
                    weightHigh[responder].insert(offset)
                    if t > evaluation - 365 * Self.dayLength { love[responder] += 2 * Self.decay(evaluation - t) }
                }
            }
            let p = threads[th].accepted
            if p >= 0, Int(postLinks[p].author) != author, !members[Int(postLinks[p].author)].bot {
                let answerer = Int(postLinks[p].author)
                let t = threads[th].acceptTime
                acceptedAnswers[answerer] += 1
                let offset = evaluationDay - RFC3339.day(t)
                acceptedOffsets[answerer].append(offset)
                weightHigh[answerer].insert(offset)
                if t > evaluation - 365 * Self.dayLength { love[answerer] += 8 * Self.decay(evaluation - t) }
                spices[answerer][0] += 8  // support
                if inWindow(t), !postStaff[p] { community[0] += 8 }
            }
        }

        // §3 Orbit levels at E (offset 0) and a month earlier (offset 30).
        func level(_ m: Int, at o: Int) -> Int? {
            var best: Int?
            func take(_ l: Int) { best = min(best ?? l, l) }
            if weightHigh[m].contains(any: o..<(o + 90)) { take(2) }
            else if activity.members[m].weightMid.contains(any: o..<(o + 90)) { take(3) }
            else if activity.members[m].weightLow.contains(any: o..<(o + 90)) { take(4) }
            let presence = activity.members[m].presence
            if presence.count(o..<(o + 90)) >= 30 { take(1) }
            else if presence.count(o..<(o + 30)) >= 7 { take(2) }
            else if presence.count(o..<(o + 7)) >= 2 { take(3) }
            return best
        }
        let levels = humans.map { level($0, at: 0) }
        func gravity(at o: Int, _ levels: [Int?]) -> Double? {
            let weights = [0, 100.0, 49, 16, 1]
            let cutoff = evaluation - Double(o) * Self.dayLength
            var total = 0.0, count = 0
            for (m, l) in zip(humans, levels) where memberJoin[m] <= cutoff {
                count += 1
                if let l { total += weights[l] }
            }
            return count == 0 ? nil : total / Double(count)
        }
        let gravityNow = gravity(at: 0, levels)
        let levelsBefore = humans.map { level($0, at: 30) }
        let gravityBefore = gravity(at: 30, levelsBefore)
        var loves = humans.map { love[$0] }
        RadixSort.sortAscending(&loves)

        // CRM records.
        // Sorted by member id (bytes) before building: sorting indices moves 16 bytes, not a record.
        let memberOrder = orderTask?.wait() ?? self.memberOrder(humans)
        let atRisk = memberOrder.atRisk
        let order = memberOrder.humansByID.map { ($0.member, levels[$0.position]) }

        // A3.
        let status = championStatus(
            evidenceTask?.wait() ?? championEvidence(), newcomerResponses: newcomerResponses, acceptedOffsets: acceptedOffsets,
            concurrently: concurrently)
        let champions = humans.filter { status[$0]?.champion == true }
        let emerging = humans.filter { status[$0]?.emerging == true }
        // C10 and the sorted id lists need no record: on a thread of their own beside them.
        let listsTask = SideTask.start(if: concurrently) {
            self.conversionAndLists(humans, levels: levels, levelsBefore: levelsBefore, champions, emerging, Array(atRisk))
        }
        // The records, in two halves on two threads when `concurrently`.
        let inputs = MemberInsightInputs(
            love: love, spices: spices, acceptedAnswers: acceptedAnswers, peerFirstResponses: peerFirstResponses,
            status: status, atRisk: atRisk.reduce(into: [Bool](repeating: false, count: n)) { $0[$1] = true })
        let tagName = tagNames.strings, memberID = memberNames.strings
        let tagRank = Self.ranks(tagName)
        let records = [MemberInsight](count: order.count, concurrently: concurrently, makeContext: {}) { _, i in
            self.memberInsight(order[i].0, level: order[i].1, inputs, tagName: tagName, tagRank: tagRank, memberID: memberID)
        }
        let lists = listsTask?.wait()
            ?? conversionAndLists(humans, levels: levels, levelsBefore: levelsBefore, champions, emerging, Array(atRisk))

        return MemberAnalytics(
            conversion: lists.conversion,
            engagement: EngagementLevels(
                members: humans.count, loveMean: loves.isEmpty ? nil : loves.reduce(0, +) / Double(loves.count),
                loveMedian: Statistics.median(loves), loveMax: loves.last,
                leading: levels.filter { $0 == 1 }.count, contributing: levels.filter { $0 == 2 }.count,
                participating: levels.filter { $0 == 3 }.count, exploring: levels.filter { $0 == 4 }.count,
                inactive: levels.filter { $0 == nil }.count, gravity: gravityNow, gravityMonthAgo: gravityBefore,
                gravityChange: gravityNow.flatMap { now in gravityBefore.map { now - $0 } },
                spices: Self.shares(community)),
            champions: ChampionSummary(
                champions: champions.count, emerging: emerging.count, engagedMau: memberOrder.engagedMau,
                championShare: Statistics.ratio(champions.count, memberOrder.engagedMau),
                championMembers: lists.champions, emergingMembers: lists.emerging),
            inactiveAtRisk: InactiveAndAtRisk(
                inactiveContributors: memberOrder.inactiveContributors, quietDays: memberOrder.quiet, atRisk: atRisk.count,
                atRiskMembers: lists.atRisk),
            members: records)
    }

    /// A3 for every member, in two halves on two threads when `concurrently` (the verdicts are
    /// per member: the same either way).
    func championStatus(
        _ evidence: ChampionEvidence, newcomerResponses: [[Int]], acceptedOffsets: [[Int]], concurrently: Bool
    ) -> [ChampionStatus?] {
        let presenceDays = configuration.championPresenceDays
        return [ChampionStatus?](
            count: members.count, concurrently: concurrently, makeContext: { ChampionReasons(presenceDays: presenceDays) }
        ) { texts, m in
            self.championStatus(
                of: m, evidence, newcomerResponses: newcomerResponses, acceptedOffsets: acceptedOffsets, texts: &texts)
        }
    }

    /// C10 and the id lists of the champions, the emerging champions and the members at risk.
    func conversionAndLists(
        _ humans: [Int], levels: [Int?], levelsBefore: [Int?], _ champions: [Int], _ emerging: [Int], _ atRisk: [Int]
    ) -> (conversion: Conversion, champions: [String], emerging: [String], atRisk: [String]) {
        func ids(_ list: [Int]) -> [String] {
            list.map { memberNames.strings[$0] }.sorted(by: ByteOrder.precedes)
        }
        let monthAgo = evaluation - 30 * Self.dayLength
        let moves = ([1, 2, 3, 4] as [Int?] + [nil]).map { start -> LevelMoves in
            var counted = 0, up = 0, held = 0, down = 0
            for (index, m) in humans.enumerated() where memberJoin[m] <= monthAgo && levelsBefore[index] == start {
                counted += 1
                let before = start ?? 5, after = levels[index] ?? 5
                if after < before { up += 1 } else if after == before { held += 1 } else { down += 1 }
            }
            return LevelMoves(level: start, members: counted, movedUp: up, held: held, movedDown: down)
        }
        let conversion = Conversion(cohorts: conversionCohorts(champions: Set(champions)), levelMoves: moves)
        return (conversion, ids(champions), ids(emerging), ids(atRisk))
    }

    /// The order by id of `humans` (the members who are not bots, by index; unless the activity
    /// section's thread sorted them already), C7 and A3's engaged MAU.
    func memberOrder(_ humans: [Int]) -> MemberOrder {
        let humansByID = activityParts?.humansByID
            ?? Self.inIDOrder(humans, memberNames.strings, memberNames.strings.map(ByteOrder.prefix))

        // C7.
        let inactiveContributors = humans.filter {
            inWindow(memberLastPost[$0]) && memberLastPost[$0] < evaluation - 90 * Self.dayLength
        }.count
        let quiet = min(max(configuration.atRiskQuietDays, 7), 28)
        // Active days descending, then id: a stable counting sort of the members in id order.
        let ranked = Self.stableDescending(
            humansByID.map(\.member).filter { !members[$0].staff }
                .map { ($0, activity.members[$0].presence.count(quiet..<(quiet + 90))) }
                .filter { $0.1 > 0 })
        let topQuartile = ranked.prefix((ranked.count + 3) / 4).map(\.0)
        let atRisk = Set(topQuartile.filter { activity.members[$0].presence.count(0..<quiet) == 0 })

        let engagedMau = humans.filter {
            !members[$0].staff && activity.members[$0].lastEngaged > evaluation - 30 * Self.dayLength
        }.count
        return MemberOrder(
            humansByID: humansByID, inactiveContributors: inactiveContributors, quiet: quiet,
            atRisk: atRisk, engagedMau: engagedMau)
    }

    /// `members` in the byte order of their ids, each with its position in `members`: a radix
    /// sort of the 8-byte prefix keys, then runs of equal keys by the whole ids.
    static func inIDOrder(_ members: [Int], _ memberID: [String], _ idKey: [UInt64]) -> [(member: Int, position: Int)] {
        var positions = RadixSort.order(byKeys: members.map { idKey[$0] })
        var start = 0
        while start < positions.count {
            let key = idKey[members[positions[start]]]
            var end = start + 1
            while end < positions.count, idKey[members[positions[end]]] == key { end += 1 }
            if end - start > 1 {
                positions[start..<end].sort { ByteOrder.precedes(memberID[members[$0]], memberID[members[$1]]) }
            }
            start = end
        }
        return positions.map { (members[$0], $0) }
    }

    /// `entries` by count descending, entries of equal count in their given order (a stable
    /// counting sort: counts are days, a small range).
    static func stableDescending(_ entries: [(Int, Int)]) -> [(Int, Int)] {
        guard let largest = entries.lazy.map(\.1).max() else { return [] }
        var starts = [Int](repeating: 0, count: largest + 2)
        for (_, count) in entries { starts[largest - count + 1] += 1 }
        for i in 1..<starts.count { starts[i] += starts[i - 1] }
        var sorted = [(Int, Int)](repeating: (0, 0), count: entries.count)
        for entry in entries {
            sorted[starts[largest - entry.1]] = entry
            starts[largest - entry.1] += 1
        }
        return sorted
    }

    /// The rank of each of `names` in `String` order: the number of names that order puts
    /// before it (equal names share a rank), so that comparing ranks is comparing the names.
    static func ranks(_ names: [String]) -> [Int] {
        let sorted = names.indices.sorted { names[$0] < names[$1] }
        var ranks = [Int](repeating: 0, count: names.count)
        for (position, k) in sorted.enumerated() where position > 0 {
            let previous = sorted[position - 1]
            ranks[k] = names[previous] < names[k] ? position : ranks[previous]
        }
        return ranks
    }

    /// The CRM record of member `m` at Orbit `level` (`tagName`, `tagRank` and `memberID`: the
    /// tags' ids and ``ranks(_:)``, and the members' ids, computed once by the caller).
    func memberInsight(
        _ m: Int, level: Int?, _ inputs: MemberInsightInputs, tagName: [String], tagRank: [Int], memberID: [String]
    ) -> MemberInsight {
        let tagCount = tagName.count
        // The first three of the order by weight (descending), then tag name (by rank: no string
        // comparison per tie): a total order (names are distinct), so the three kept while
        // scanning are the sorted prefix.
        var best: (Int, Double, Int, Double, Int, Double) = (-1, 0, -1, 0, -1, 0)  // (tag, weight) × 3
        func precedes(_ tag: Int, _ weight: Double, _ other: Int, _ otherWeight: Double) -> Bool {
            other < 0 || (weight != otherWeight ? weight > otherWeight : tagRank[tag] < tagRank[other])
        }
        func consider(_ tag: Int, _ weight: Double) {
            if precedes(tag, weight, best.0, best.1) {
                best = (tag, weight, best.0, best.1, best.2, best.3)
            } else if precedes(tag, weight, best.2, best.3) {
                best = (best.0, best.1, tag, weight, best.2, best.3)
            } else if precedes(tag, weight, best.4, best.5) {
                best.4 = tag
                best.5 = weight
            }
        }
        // H_m over the weights in tag order (deterministic), from the member's block in
        // place when weights are kept in blocks: no array per member.
        var h: Double?
        if tagStride > 0 {
            let block = tagBlock(of: m)
            for (k, weight) in zip(0..., block) where weight > 0 { consider(k, weight) }
            if tagCount >= 2 { h = Statistics.entropy(block) }
        } else {
            let weights = tagWeights(of: m)
            for (tag, weight) in weights { consider(tag, weight) }
            if tagCount >= 2 { h = Statistics.entropy(weights.lazy.map(\.weight)) }
        }
        let entropy = h.map { $0 / log(Double(tagCount)) }
        var top: [String] = []
        if best.0 >= 0 {
            top.reserveCapacity(best.4 >= 0 ? 3 : best.2 >= 0 ? 2 : 1)
            top.append(tagName[best.0])
            if best.2 >= 0 { top.append(tagName[best.2]) }
            if best.4 >= 0 { top.append(tagName[best.4]) }
        }
        let status = inputs.status[m]
        return MemberInsight(
            member: memberID[m], staff: members[m].staff, love: inputs.love[m], orbitLevel: level,
            champion: status?.champion ?? false, emerging: status?.emerging ?? false,
            championReasons: status?.reasons ?? [], topInterests: top, topicEntropy: entropy,
            spicesProfile: Self.shares(inputs.spices[m]),
            lastActiveAt: activity.members[m].lastSeen.isFinite ? Date(timeIntervalSince1970: activity.members[m].lastSeen) : nil,
            atRisk: inputs.atRisk[m],
            firstPostAt: memberFirstPost[m].isFinite ? Date(timeIntervalSince1970: memberFirstPost[m]) : nil,
            acceptedAnswers: inputs.acceptedAnswers[m], peerFirstResponses: inputs.peerFirstResponses[m])
    }

    /// ``shares(_:)-([Double])`` of the seven letters of a member's weights, without an array.
    static func shares(_ weights: SIMD8<Double>) -> SpicesShares {
        var total = 0.0
        for i in 0..<7 { total += weights[i] }  // the order of `reduce(0, +)`
        func share(_ i: Int) -> Double? { total > 0 ? weights[i] / total : nil }
        return SpicesShares(
            support: share(0), product: share(1), insight: share(2), content: share(3),
            engagement: share(4), success: share(5), acquisition: share(6))
    }

    static func shares(_ weights: [Double]) -> SpicesShares {
        let total = weights.reduce(0, +)
        func share(_ i: Int) -> Double? { total > 0 ? weights[i] / total : nil }
        return SpicesShares(
            support: share(0), product: share(1), insight: share(2), content: share(3),
            engagement: share(4), success: share(5), acquisition: share(6))
    }

    func conversionCohorts(champions: Set<Int>) -> [ConversionCohort] {
        let horizon = 90 * Self.dayLength
        // Cohorts grouped by (year, month), named "YYYY-MM" once per cohort (not once per
        // member) from its first member's join day, and ordered by name.
        var byMonth: [Int: [Int]] = [:]
        for m in joinedInWindow {
            let (year, month, _) = RFC3339.civilFromDays(RFC3339.day(memberJoin[m]))
            byMonth[year * 16 + month, default: []].append(m)
        }
        let named = byMonth.values.map { cohort in
            (month: String(RFC3339.formatDay(RFC3339.day(memberJoin[cohort[0]])).prefix(7)), cohort: cohort)
        }
        return named.sorted { $0.month < $1.month }.map { month, cohort in
            let eligible = cohort.filter { memberJoin[$0] + horizon <= evaluation }
            func within(_ t: Double, _ m: Int) -> Bool { t <= memberJoin[m] + horizon }
            // Each eligible member once: the steps and their intersections are counted directly.
            var viewed = 0, reacted = 0, posted = 0, champion = 0
            var viewedReacted = 0, reactedPosted = 0, postedChampion = 0
            for m in eligible {
                let v = within(memberFirstView[m], m), r = within(memberFirstReactOrRSVP[m], m)
                let p = within(memberFirstPost[m], m), c = champions.contains(m)
                if v { viewed += 1 }
                if r { reacted += 1 }
                if p { posted += 1 }
                if c { champion += 1 }
                if v && r { viewedReacted += 1 }
                if r && p { reactedPosted += 1 }
                if p && c { postedChampion += 1 }
            }
            return ConversionCohort(
                cohort: month, members: cohort.count, eligible: eligible.count, viewed: viewed,
                reacted: reacted, posted: posted, champions: champion,
                joinedToViewed: Statistics.ratio(viewed, eligible.count),
                viewedToReacted: Statistics.ratio(viewedReacted, viewed),
                reactedToPosted: Statistics.ratio(reactedPosted, reacted),
                postedToChampion: Statistics.ratio(postedChampion, posted))
        }
    }
}
