import Foundation

extension EngineState {
    /// The report. With many members the member analytics (§3, A3, C7, C10 and the CRM
    /// records, half the assembly) run on a second thread while this one builds the rest.
    func makeReport() -> InsightsReport {
        makeReport(concurrently: members.count >= 10_000)
    }

    /// The report, the member analytics on a second thread when `concurrently`: the same either way.
    func makeReport(concurrently: Bool) -> InsightsReport {
        // A3's counts need nothing else: on a thread of their own from the start (the longest
        // chain of the member analytics: counts, verdicts, records).
        let evidenceTask = SideTask.start(if: concurrently) { self.championEvidence(concurrently: true) }
        // Every thread's first responses, which most sections read, first (in two halves).
        let responses = [ThreadResponses](count: threads.count, concurrently: concurrently, makeContext: {}) { _, th in
            self.firstResponses(of: th)
        }
        let side = SideTask.start(if: concurrently) {
            self.memberAnalytics(responses, evidenceTask: evidenceTask, concurrently: true)
        }
        let threadsInWindow = threadT0.indices.filter { inWindow(threadT0[$0]) }
        let firstResponses = threadsInWindow.map { responses[$0].response }
        let window = ReportWindow(
            from: Date(timeIntervalSince1970: from), to: Date(timeIntervalSince1970: to),
            evaluationTime: Date(timeIntervalSince1970: evaluation))
        let volumePart = volume(threadsInWindow)
        let peerAnswersPart = peerAnswers(threadsInWindow, responses)
        let memberInitiatedPart = memberInitiated(threadsInWindow)
        let stickinessPart = activityParts?.stickiness ?? activity.stickiness()
        let dailyEngagedUsersPart = activityParts?.dailyEngagedUsers ?? activity.dailyEngagedUsers()
        let firstResponsePart = firstResponseTimes(threadsInWindow, firstResponses)
        let unansweredPart = unanswered(threadsInWindow, firstResponses)
        let newContributorsPart = newContributors()
        let participationPart = participation()
        let topicsPart = topics(threadsInWindow)
        let retentionPart = retention(responses)
        let activityTimesPart = activityTimes()
        let eventsResourcesPart = eventsAndResources()
        let analytics = side?.wait() ?? memberAnalytics(responses)
        return InsightsReport(
            window: window,
            volume: volumePart,
            peerAnswers: peerAnswersPart,
            memberInitiated: memberInitiatedPart,
            stickiness: stickinessPart,
            dailyEngagedUsers: dailyEngagedUsersPart,
            firstResponse: firstResponsePart,
            unanswered: unansweredPart,
            newContributors: newContributorsPart,
            participation: participationPart,
            topics: topicsPart,
            retention: retentionPart,
            activityTimes: activityTimesPart,
            eventsResources: eventsResourcesPart,
            engagement: analytics.engagement,
            champions: analytics.champions,
            inactiveAtRisk: analytics.inactiveAtRisk,
            conversion: analytics.conversion,
            members: analytics.members
        )
    }

    func volume(_ threads: [Int]) -> ActivityVolume {
        ActivityVolume(
            records: recordCount, members: members.count, threads: threads.count,
            questions: threads.filter { self.threads[$0].question }.count, replies: repliesInWindow,
            reactions: reactionsInWindow, views: viewsInWindow,
            deletedPosts: postDeleted.indices.filter { postDeleted[$0] && inWindow(postTime[$0]) }.count)
    }

    // MARK: A1

    /// A1 over `threads` (in the window); `responses` are every thread's first responses.
    func peerAnswers(_ threads: [Int], _ responses: [ThreadResponses]) -> PeerAnswerShare {
        var answered = 0, peer = 0
        var memberAsked = 0, memberAskedPeer = 0, staffAsked = 0, staffAskedPeer = 0
        var both = 0, peerFirst = 0
        for th in threads where self.threads[th].question {
            let fr = responses[th].response
            if let staffReply = responses[th].staffResponse, let peerReply = responses[th].peerResponse {
                both += 1
                if postPrecedes(peerReply, staffReply) { peerFirst += 1 }
            }
            guard let fr else { continue }
            let isPeer = !postStaff[fr]
            answered += 1
            if isPeer { peer += 1 }
            let asker = threadAuthor[th]
            if members[asker].bot { continue }
            if threadAuthorStaff[th] {
                staffAsked += 1
                if isPeer { staffAskedPeer += 1 }
            } else {
                memberAsked += 1
                if isPeer { memberAskedPeer += 1 }
            }
        }
        var accepted = 0, peerAccepted = 0, selfSolved = 0
        for th in threads where self.threads[th].accepted >= 0 {
            let p = self.threads[th].accepted
            if Int(postLinks[p].author) == threadAuthor[th] {
                selfSolved += 1
                continue
            }
            accepted += 1
            if !postStaff[p], !members[Int(postLinks[p].author)].bot { peerAccepted += 1 }
        }
        let pas = Statistics.ratio(peer, answered)
        return PeerAnswerShare(
            pas: pas, pasMemberAsked: Statistics.ratio(memberAskedPeer, memberAsked),
            pasStaffAsked: Statistics.ratio(staffAskedPeer, staffAsked), questionsWithResponse: answered,
            peerBeforeStaff: Statistics.ratio(peerFirst, both), peerBeforeStaffThreads: both,
            peerAcceptedShare: Statistics.ratio(peerAccepted, accepted), acceptedAnswers: accepted, selfSolved: selfSolved,
            health: .atLeast(pas, 0.40, "pas >= 0.40 (inSided: 40-60% of answers come from peers in mature communities)"))
    }

    // MARK: A2

    func memberInitiated(_ threads: [Int]) -> MemberInitiatedShare {
        let memberThreads = threads.filter { !threadAuthorStaff[$0] && !members[threadAuthor[$0]].bot }.count
        let engaged = activity.members.lazy.filter(\.engagedInWindow).count
        let starters = members.indices.filter { activity.members[$0].engagedInWindow && memberStartedThreadInWindow[$0] }.count
        let mit = Statistics.ratio(memberThreads, threads.count)
        return MemberInitiatedShare(
            mit: mit, mitStrict: nil, memberThreads: memberThreads, threads: threads.count,
            selfStarterRate: Statistics.ratio(starters, engaged), engagedMembers: engaged, selfStarters: starters,
            health: HealthAssessment(
                healthy: mit.map { $0 > 0.5 }, benchmark: "mit > 0.50 (Gainsight: UGC% goal above 50%, aim 80%)"))
    }

    // MARK: C4

    func firstResponseTimes(_ threads: [Int], _ responses: [Int?]) -> FirstResponseTimes {
        var all: [Double] = [], staff: [Double] = [], peer: [Double] = []
        var censored: [Double] = []
        var eligible24 = 0, within24 = 0
        for (th, fr) in zip(threads, responses) {
            let t0 = threadT0[th]
            if let fr {
                let delay = postTime[fr] - t0
                all.append(delay)
                if postStaff[fr] { staff.append(delay) } else { peer.append(delay) }
            } else {
                censored.append(evaluation - t0)
            }
            if t0 <= evaluation - 86_400 {
                eligible24 += 1
                if let fr, postTime[fr] - t0 <= 86_400 { within24 += 1 }
            }
        }
        RadixSort.sortAscending(&all)
        RadixSort.sortAscending(&staff)
        RadixSort.sortAscending(&peer)
        RadixSort.sortAscending(&censored)
        return FirstResponseTimes(
            threadsWithResponse: all.count, medianSeconds: Statistics.median(all), p90Seconds: Statistics.p90(all),
            staffResponses: staff.count, staffMedianSeconds: Statistics.median(staff), staffP90Seconds: Statistics.p90(staff),
            peerResponses: peer.count, peerMedianSeconds: Statistics.median(peer), peerP90Seconds: Statistics.p90(peer),
            answeredWithin24h: Statistics.ratio(within24, eligible24), answeredWithin24hEligible: eligible24,
            kaplanMeierMedianSeconds: Statistics.kaplanMeierMedian(events: all, censored: censored),
            health: HealthAssessment(
                healthy: nil, benchmark: "no threshold in INSIGHTS.md section 5; Stack Overflow median first answer: 11 min (Mamykina et al. 2011)"))
    }

    // MARK: C5

    func unanswered(_ threads: [Int], _ responses: [Int?]) -> UnansweredThreads {
        let grace = configuration.gracePeriod
        var eligible = 0, open = 0
        var eligible24 = 0, open24 = 0, eligible7 = 0, open7 = 0
        var questions7 = 0, unsolved = 0
        let week = 7.0 * 86_400
        for (th, fr) in zip(threads, responses) {
            let t0 = threadT0[th]
            let delay = fr.map { postTime[$0] - t0 }
            if t0 <= evaluation - grace {
                eligible += 1
                if fr == nil { open += 1 }
            }
            if t0 <= evaluation - 86_400 {
                eligible24 += 1
                if delay.map({ $0 > 86_400 }) ?? true { open24 += 1 }
            }
            if t0 <= evaluation - week {
                eligible7 += 1
                if delay.map({ $0 > week }) ?? true { open7 += 1 }
            }
            if self.threads[th].question, t0 <= evaluation - configuration.unsolvedAge {
                questions7 += 1
                if self.threads[th].accepted < 0 { unsolved += 1 }
            }
        }
        let rate = Statistics.ratio(open, eligible)
        return UnansweredThreads(
            eligibleThreads: eligible, unansweredThreads: open, unansweredRate: rate,
            unansweredAt24h: Statistics.ratio(open24, eligible24), eligibleAt24h: eligible24,
            unansweredAt7d: Statistics.ratio(open7, eligible7), eligibleAt7d: eligible7,
            unsolvedRate: Statistics.ratio(unsolved, questions7), unsolvedEligibleQuestions: questions7,
            health: .atMost(rate, 0.10, "unanswered_rate <= 0.10 (Area 51 'excellent': >= 90% answered; Stack Overflow: 92.6% answered)"))
    }

    // MARK: C6

    func newContributors() -> NewContributors {
        let newcomers = members.indices.filter {
            inWindow(memberFirstPost[$0]) && !members[$0].bot && !memberFirstPostStaff[$0]
        }.count
        let delay = configuration.activationDelay
        let eligible = joinedInWindow.filter { memberJoin[$0] + delay <= evaluation }
        let activated = eligible.filter { memberFirstPost[$0] <= memberJoin[$0] + delay }.count
        return NewContributors(
            newContributors: newcomers, joined: joinedInWindow.count, activationEligible: eligible.count,
            activated: activated, activationRate: Statistics.ratio(activated, eligible.count))
    }

    // MARK: C8

    func participation() -> ParticipationInequality {
        // Contributors by posts descending, ties by member id (bytes).
        let memberID = memberNames.strings
        let contributors = members.indices.filter { memberPostsInWindow[$0] > 0 }
            .map { (member: $0, key: ByteOrder.prefix(memberID[$0])) }
            .sorted { a, b in
                let x = memberPostsInWindow[a.member], y = memberPostsInWindow[b.member]
                if x != y { return x > y }
                return ByteOrder.precedes(memberID[a.member], a.key, memberID[b.member], b.key)
            }
            .map(\.member)
        let counts = contributors.map { memberPostsInWindow[$0] }
        let n = counts.count
        let total = counts.reduce(0, +)
        let active = activity.members.lazy.filter(\.visitActiveInWindow).count
        let heavy = active == 0 ? 0 : min((active + 99) / 100, n)
        let heavyPosts = counts.prefix(heavy).reduce(0, +)
        let top10 = n == 0 ? nil : Statistics.ratio(counts.prefix((n + 9) / 10).reduce(0, +), total)
        var caf: Int?
        if total > 0 {
            var running = 0
            for (k, x) in counts.enumerated() {
                running += x
                if 2 * running >= total { caf = k + 1; break }
            }
        }
        return ParticipationInequality(
            contributors: n, posts: total, activeMembers: active, lurkers: active - n, occasional: n - heavy, heavy: heavy,
            lurkerShare: Statistics.ratio(active - n, active), occasionalShare: Statistics.ratio(n - heavy, active),
            heavyShare: Statistics.ratio(heavy, active),
            occasionalPostShare: Statistics.ratio(total - heavyPosts, total), heavyPostShare: Statistics.ratio(heavyPosts, total),
            top10PercentShare: top10, gini: Statistics.gini(counts), contributorAbsenceFactor: caf,
            contributorAbsenceShare: caf.flatMap { Statistics.ratio($0, n) },
            health: .within(top10, 0.43...0.69, "top_10_percent_share within 0.43-0.69 (Khoros, 200+ communities: mean 0.5595, SD 0.13)"),
            lorenzCurve: Self.lorenz(counts.reversed()))
    }

    /// C8 Lorenz vertices of ascending counts: all when n ≤ 100, else at ranks round(k·n/100).
    static func lorenz(_ ascending: [Int]) -> [LorenzPoint] {
        let n = ascending.count
        let total = ascending.reduce(0, +)
        guard n > 0, total > 0 else { return [] }
        var cumulative = [0]
        cumulative.reserveCapacity(n + 1)
        for x in ascending { cumulative.append((cumulative.last ?? 0) + x) }
        let ranks = n <= 100 ? Array(0...n) : (0...100).map { (2 * $0 * n + 100) / 200 }
        return ranks.map {
            LorenzPoint(contributorShare: Double($0) / Double(n), postShare: Double(cumulative[$0]) / Double(total))
        }
    }

    // MARK: A4

    func topics(_ threads: [Int]) -> TopicBreadth {
        let tagged = threads.filter { !tags(of: $0).isEmpty }
        let beyond = tagged.filter { !tags(of: $0).contains { tagProduct[Int($0)] } }
        return TopicBreadth(
            threads: threads.count, taggedThreads: tagged.count, beyondThreads: beyond.count,
            bps: Statistics.ratio(beyond.count, tagged.count), coverage: Statistics.ratio(tagged.count, threads.count),
            effectiveTopics: Statistics.entropy(tagWeight).map { exp($0) },
            health: HealthAssessment(healthy: nil, benchmark: "derived metric: no benchmark in INSIGHTS.md section 5"))
    }
}
