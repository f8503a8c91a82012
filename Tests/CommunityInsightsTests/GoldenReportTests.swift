import CommunityInsights
import Foundation
import Testing

/// The golden fixture (`Fixtures/golden.jsonl`, 42 lines), computed by hand.
///
/// Cast: ann, bob, cid (peers), sam (staff until line 30 demotes him at 03-05T13:00), bot (a bot),
/// dee (joins 03-07T20:00, censored). Tags: `swift` product (line 6); `ios` product on line 7 but
/// line 35 says not — the last line wins, so `ios` is beyond; `lunch` has no tag line, so beyond.
/// Evaluation time E = 2026-03-08T10:00:00Z (line 42, the largest t). Default window
/// [2026-03-01T00:00Z, 2026-03-09T00:00Z).
///
/// First responses (§0, Reading 8):
/// - q1 (ann, 03-01T10:00): r1 is a self-reply, r2 a bot reply — both skipped. r4 (bob, line 12)
///   and r3 (sam, staff, line 13) are both at 11:00: tie broken by post id bytes, "r3" < "r4",
///   so fr = r3, a STAFF response (although bob's line comes first). TTFR 3600 s.
/// - q2 (sam while staff, 03-02T10:00): r5 is in the same second as t0 → not a response;
///   fr = r6 (bob, 10:30), peer, 1800 s.
/// - q3 (bob, untagged, 03-03T09:00): r7 (cid, 09:20) is deleted at 12:00 → skipped;
///   fr = r8 (ann, 13:00), peer, 14400 s. r9 is bob's self-reply, later self-accepted.
/// - d1 (cid, discussion, 03-04T10:00): no reply.
/// - q4 (ann, 03-05T10:00): fr = r10 (sam 12:00, still staff), 7200 s; r11 (sam 14:00) is a
///   peer reply because sam was demoted at 13:00.
/// - q5 (sam, now NOT staff, 03-06T10:00): fr = r12 (bob), peer, 3600 s.
/// - q6 (cid, 03-08T09:00): no reply, younger than the 24 h grace period.
@Suite struct GoldenReportTests {
    let report: InsightsReport

    init() throws {
        report = try GoldenFixture.report()
    }

    @Test func windowAndVolume() {
        #expect(report.window.evaluationTime == Date(timeIntervalSince1970: 1_772_964_000))  // 2026-03-08T10:00Z
        #expect(report.window.from == Date(timeIntervalSince1970: 1_772_323_200))  // 2026-03-01T00:00Z
        #expect(report.window.to == Date(timeIntervalSince1970: 1_773_014_400))  // 2026-03-09T00:00Z
        #expect(report.volume.records == 42)
        #expect(report.volume.members == 6)  // ann sam bot bob cid dee
        #expect(report.volume.threads == 7)  // q1 q2 q3 d1 q4 q5 q6
        #expect(report.volume.questions == 6)
        #expect(report.volume.replies == 12)  // r1…r12
        #expect(report.volume.reactions == 3)
        #expect(report.volume.views == 3)
        #expect(report.volume.deletedPosts == 1)  // r7
    }

    /// Q = questions with a first response = q1 (staff), q2, q3 (peer), q4 (staff), q5 (peer).
    @Test func peerAnswerShare() {
        let a1 = report.peerAnswers
        #expect(a1.questionsWithResponse == 5)
        #expect(a1.pas == 3.0 / 5)  // q2, q3, q5
        // Member-asked (non-staff at posting, not bots): q1 ann, q3 bob, q4 ann, q5 sam-demoted → q3, q5 peer.
        #expect(a1.pasMemberAsked == 2.0 / 4)
        // Staff-asked: q2 only, answered by a peer.
        #expect(a1.pasStaffAsked == 1.0)
        // Both a peer and a staff response: q1 (r3 staff before r4 by id) and q4 (r10 staff before r11 peer).
        #expect(a1.peerBeforeStaffThreads == 2)
        #expect(a1.peerBeforeStaff == 0.0)
        // Accepts: q1 → r4 (bob, peer); q3 → r9 by the asker → self-solved, excluded.
        #expect(a1.acceptedAnswers == 1)
        #expect(a1.selfSolved == 1)
        #expect(a1.peerAcceptedShare == 1.0)
        #expect(a1.health.healthy == true)  // 0.6 ≥ 0.40
    }

    /// 7 threads; only q2 (sam while staff) is not member-initiated.
    @Test func memberInitiatedShare() {
        let a2 = report.memberInitiated
        #expect(a2.threads == 7)
        #expect(a2.memberThreads == 6)
        #expect(a2.mit == 6.0 / 7)
        #expect(a2.mitStrict == nil)
        // Engaged (react/thread/reply while not staff): ann, bob, cid, sam (r11, q5 after demotion);
        // dee only viewed. All four started a thread while not staff.
        #expect(a2.engagedMembers == 4)
        #expect(a2.selfStarters == 4)
        #expect(a2.selfStarterRate == 1.0)
        #expect(a2.health.healthy == true)
    }

    /// Period 2026-02-07…2026-03-08 (30 UTC days ending on the day of E). No activity before 03-01,
    /// so 22 days count 0. Active days (staff lines and the bot excluded, role/delete/flag not active):
    /// ann 01 02 03 05 08 · bob 01 02 03 06 07 · cid 02 03 04 07 08 · sam 05 06 · dee 07.
    /// DAU/MAU: 03-01 2/2, 03-02 3/3, 03-03 3/3, 03-04 1/3, 03-05 2/4, 03-06 2/4, 03-07 3/5, 03-08 2/5.
    @Test func stickiness() {
        let c1 = report.stickiness
        #expect(c1.periodStart == "2026-02-07")
        #expect(c1.periodEnd == "2026-03-08")
        let expected = (2.0 / 2 + 3.0 / 3 + 3.0 / 3 + 1.0 / 3 + 2.0 / 4 + 2.0 / 4 + 3.0 / 5 + 2.0 / 5) / 30
        #expect(c1.dauMau == expected)  // 16/90 ≈ 0.178
        #expect(c1.dau == 2)
        #expect(c1.mau == 5)
        #expect(c1.health.healthy == false)  // < 0.20
    }

    /// Engaged per day: 01 ann bob · 02 bob ann · 03 bob cid ann · 04 cid · 05 ann sam(r11) ·
    /// 06 sam bob · 07 none (views, attends) · 08 cid. sam's staff replies (r3, r10) don't count.
    @Test func dailyEngagedUsers() {
        let c2 = report.dailyEngagedUsers
        #expect(c2.days.map(\.count) == [2, 2, 3, 1, 2, 2, 0, 1])
        #expect(c2.days.first?.date == "2026-03-01")
        #expect(c2.days.last?.date == "2026-03-08")
        #expect(c2.mean == 13.0 / 8)
        #expect(c2.peak == 3)
    }

    /// TTFR sorted: 1800 3600 3600 7200 14400. Median x[⌈2.5⌉]=x[3], p90 x[⌈4.5⌉]=x[5].
    /// Kaplan–Meier over 7 threads, d1 censored at E−t0 = 4 d, q6 censored at 3600 s:
    /// S(1800)=6/7; at 3600 two events among 6 at risk (q6 still at risk) → 4/7; at 7200 one of 3 → 8/21 ≤ ½.
    @Test func firstResponse() {
        let c4 = report.firstResponse
        #expect(c4.threadsWithResponse == 5)
        #expect(c4.medianSeconds == 3600)
        #expect(c4.p90Seconds == 14400)
        #expect(c4.staffResponses == 2)  // q1 3600, q4 7200
        #expect(c4.staffMedianSeconds == 3600)
        #expect(c4.staffP90Seconds == 7200)
        #expect(c4.peerResponses == 3)  // 1800 3600 14400
        #expect(c4.peerMedianSeconds == 3600)
        #expect(c4.peerP90Seconds == 14400)
        // ≥ 24 h old: q1 q2 q3 d1 q4 q5; answered within 24 h: all but d1.
        #expect(c4.answeredWithin24hEligible == 6)
        #expect(c4.answeredWithin24h == 5.0 / 6)
        #expect(c4.kaplanMeierMedianSeconds == 7200)
        #expect(c4.health.healthy == nil)
    }

    /// Grace: t0 ≤ E − 24 h = 03-07T10:00 → q1 q2 q3 d1 q4 q5 (q6 excluded); d1 unanswered.
    /// 7 days: t0 ≤ 03-01T10:00 → only q1 (exactly 7 d old is in), answered and accepted.
    @Test func unanswered() {
        let c5 = report.unanswered
        #expect(c5.eligibleThreads == 6)
        #expect(c5.unansweredThreads == 1)
        #expect(c5.unansweredRate == 1.0 / 6)
        #expect(c5.unansweredAt24h == 1.0 / 6)
        #expect(c5.eligibleAt24h == 6)
        #expect(c5.eligibleAt7d == 1)
        #expect(c5.unansweredAt7d == 0.0)
        #expect(c5.unsolvedEligibleQuestions == 1)
        #expect(c5.unsolvedRate == 0.0)
        #expect(c5.health.healthy == false)  // 0.167 > 0.10
    }

    /// First posts: ann q1, bob r4, cid r7 (deleted, still a post); sam's first post r3 was made
    /// as staff; the bot is excluded. Joined in window (not staff, not bot): ann bob cid dee —
    /// none is 30 days old at E, so activation is censored: null, not 0.
    @Test func newContributors() {
        let c6 = report.newContributors
        #expect(c6.newContributors == 3)
        #expect(c6.joined == 4)
        #expect(c6.activationEligible == 0)
        #expect(c6.activated == 0)
        #expect(c6.activationRate == nil)
    }

    /// Non-staff, non-bot posts in the window (deleted counted): bob 6 (r4 r5 r6 q3 r9 r12),
    /// ann 4 (q1 r1 r8 q4), cid 3 (r7 d1 q6), sam 2 (r11 q5 after demotion). n = 4, Σ = 15.
    /// Visit-active: those four + dee = 5 → top 1% = ⌈5/100⌉ = 1 member (bob).
    /// Gini, ascending 2 3 4 6: (−3·2 −1·3 +1·4 +3·6) / (4·15) = 13/60.
    /// CAF: 6 < 7.5, 6+4 = 10 ≥ 7.5 → 2.
    @Test func participation() {
        let c8 = report.participation
        #expect(c8.contributors == 4)
        #expect(c8.posts == 15)
        #expect(c8.activeMembers == 5)
        #expect(c8.lurkers == 1)
        #expect(c8.occasional == 3)
        #expect(c8.heavy == 1)
        #expect(c8.lurkerShare == 1.0 / 5)
        #expect(c8.occasionalShare == 3.0 / 5)
        #expect(c8.heavyShare == 1.0 / 5)
        #expect(c8.heavyPostShare == 6.0 / 15)
        #expect(c8.occasionalPostShare == 9.0 / 15)
        #expect(c8.top10PercentShare == 6.0 / 15)  // ⌈4/10⌉ = 1 member
        #expect(c8.gini == 13.0 / 60)
        #expect(c8.contributorAbsenceFactor == 2)
        #expect(c8.contributorAbsenceShare == 0.5)
        #expect(c8.health.healthy == false)  // 0.40 outside 0.43–0.69
    }

    /// Tagged: q1 q2 d1 q4 q5 q6 (q3 untagged). Beyond (no product tag): q2 [lunch], d1 [ios].
    /// Engagement weights (non-staff, non-bot, on tagged threads; thread 6, reply 5, reaction 2,
    /// split over the thread's tags): swift = q1 6 + r1 5 + r4 5 + react 2 + q4 3 + r11 2.5 +
    /// q5 6 + r12 5 + q6 6 = 40.5; lunch = r5 5 + r6 5 + react 2 + q4 3 + r11 2.5 = 17.5; ios = d1 6.
    @Test func topics() {
        let a4 = report.topics
        #expect(a4.threads == 7)
        #expect(a4.taggedThreads == 6)
        #expect(a4.beyondThreads == 2)
        #expect(a4.bps == 2.0 / 6)
        #expect(a4.coverage == 6.0 / 7)
        // Interning order: swift, ios (tag lines sort first), lunch.
        let p = [40.5 / 64, 6.0 / 64, 17.5 / 64]
        let expected = exp(-(p[0] * log(p[0]) + p[1] * log(p[1]) + p[2] * log(p[2])))
        #expect(a4.effectiveTopics == expected)  // ≈ 2.47
    }

    /// Join-week cohorts (weeks start Monday; 2026-03-01 is a Sunday):
    /// - 2026-02-23: ann (joined 03-01T08:00), bob (03-01T09:00). R1 window [join+1d, join+2d):
    ///   ann reacts 03-02T11:00, bob replies 03-02T10:00 → 2/2. Published because bob + 2 d =
    ///   03-03T09:00 ≤ E; R7 needs bob + 8 d = 03-09T09:00 > E → censored (null), as all weeks.
    /// - 2026-03-02: cid (03-02T09:00), dee (03-07T20:00): dee + 2 d > E → every figure censored.
    /// First-post cohort: no first post is 90 days old → 0 members, null rates.
    @Test func retention() throws {
        let c3 = report.retention
        #expect(c3.cohorts.map(\.cohortStart) == ["2026-02-23", "2026-03-02"])
        let first = try #require(c3.cohorts.first)
        #expect(first.members == 2)
        #expect(first.day1 == 1.0)
        #expect(first.day1Unbounded == 1.0)
        #expect(first.day7 == nil)
        #expect(first.day30 == nil)
        #expect(first.weeks == [Double?](repeating: nil, count: 12))
        let censored = try #require(c3.cohorts.last)
        #expect(censored.members == 2)
        #expect(censored.day1 == nil)
        #expect(censored.day1Unbounded == nil)
        #expect(c3.firstPost.members == 0)
        #expect(c3.firstPost.retainedRate == nil)
    }

    /// 30 activity lines in the window (staff lines, the bot, role/delete/flag excluded).
    /// Sunday (row 6): 08 ann-join · 09 bob-join, q6 · 10 q1, r1, ann view · 11 r4 · 12 accept, react = 9.
    /// Hour 10 over the week: Sun 3 + Mon 2 (r5, r6) + Wed 1 (d1) + Thu 1 (q4) + Fri 1 (q5) = 8.
    /// No day has 28 days of history → no burst tested.
    @Test func activityTimes() {
        let c9 = report.activityTimes
        #expect(c9.heatmap.count == 7)
        #expect(c9.heatmap.allSatisfy { $0.count == 24 })
        #expect(c9.heatmap.flatMap { $0 }.reduce(0, +) == 30)
        #expect(c9.heatmap[6][8] == 1)
        #expect(c9.heatmap[6][9] == 2)
        #expect(c9.heatmap[6][10] == 3)
        #expect(c9.heatmap[6].reduce(0, +) == 9)
        #expect(c9.heatmap[5][18] == 2)  // two attends, Saturday 18:00
        #expect(c9.peakWeekday == 6)
        #expect(c9.peakHour == 10)
        #expect(c9.bursts.isEmpty)
    }

    /// RSVP: bob → e1 (attended). cid attends without RSVP: a walk-in. Views by members: cid → q1
    /// (has an accepted answer: a solution view), dee → doc1, ann → doc1.
    @Test func eventsAndResources() {
        let c11 = report.eventsResources
        #expect(c11.rsvps == 1)
        #expect(c11.rsvpAttendees == 1)
        #expect(c11.attendanceRate == 1.0)
        #expect(c11.walkIns == 1)
        #expect(c11.rsvpMembers == 1)
        #expect(c11.rsvpReach == 1.0 / 5)
        #expect(c11.uniqueViewers == 3)
        #expect(c11.views == 3)
        #expect(c11.viewsPerViewer == 1.0)
        #expect(c11.solutionViews == 1)
        #expect(c11.health.healthy == true)
    }

    /// §3 Orbit levels at E: ann, sam, bob wrote first responses to newcomer threads (weight 7,
    /// every asker joined < 30 days before) → L2; cid replied/attended (weight 5) and was active
    /// on 5 of the last 7 days → L3; dee only viewed, on one day → L4. The bot is not a member here.
    /// Gravity = (3·7² + 4² + 1²) / 5 = 164/5; a month ago nobody had joined → null.
    @Test func engagementLevels() throws {
        let e = report.engagement
        #expect(e.members == 5)
        #expect([e.leading, e.contributing, e.participating, e.exploring, e.inactive] as [Int] == [0, 3, 1, 1, 0])
        #expect(e.gravity == 164.0 / 5)
        #expect(e.gravityMonthAgo == nil)
        #expect(e.gravityChange == nil)
        let loves = report.members.map(\.love).sorted()
        #expect(e.loveMedian == loves[2])
        #expect(e.loveMax == loves[4])
    }

    /// Love = Σ w·0.9^(age/30 d), summed in log order, then bonuses in thread order. The
    /// expected sums take the power from `pow`, the engine from `exp` (``LoveDecayTests``): they
    /// agree to a few ulps, not to the bit.
    @Test func love() throws {
        let e = Date(timeIntervalSince1970: 1_772_964_000)
        func d(_ t: String) -> Double { pow(0.9, e.timeIntervalSince(date(t)) / 2_592_000) }
        func close(_ love: Double?, _ expected: Double) -> Bool {
            love.map { abs($0 - expected) <= 1e-14 * expected } ?? false
        }
        let byID = Dictionary(uniqueKeysWithValues: report.members.map { ($0.member, $0) })
        // dee: one view, 13 h before E.
        #expect(close(byID["dee"]?.love, 1 * d("2026-03-07T21:00:00Z")))
        // cid: r7 (deleted, still an activity) 5, d1 6, reaction 2, view 1, attend 5, q6 6; no bonus.
        var cid = 5 * d("2026-03-03T09:20:00Z")
        cid += 6 * d("2026-03-04T10:00:00Z")
        cid += 2 * d("2026-03-04T11:00:00Z")
        cid += 1 * d("2026-03-07T08:00:00Z")
        cid += 5 * d("2026-03-07T18:00:00Z")
        cid += 6 * d("2026-03-08T09:00:00Z")
        #expect(close(byID["cid"]?.love, cid))
        // bob: r4 5, react 2, r5 5, r6 5, q3 6, r9 5, r12 5, rsvp 3, attend 5; then q1's accepted
        // answer r4 (+8 at the accept), q2's newcomer first response r6 (+2 = 7 − 5), q5's r12 (+2).
        var bob = 5 * d("2026-03-01T11:00:00Z")
        for (w, t) in [(2.0, "2026-03-01T12:30:00Z"), (5, "2026-03-02T10:00:00Z"), (5, "2026-03-02T10:30:00Z"),
                       (6, "2026-03-03T09:00:00Z"), (5, "2026-03-03T14:00:00Z"), (5, "2026-03-06T11:00:00Z"),
                       (3, "2026-03-06T12:00:00Z"), (5, "2026-03-07T18:00:00Z"),
                       (8, "2026-03-01T12:00:00Z"), (2, "2026-03-02T10:30:00Z"), (2, "2026-03-06T11:00:00Z")] {
            bob += w * d(t)
        }
        #expect(close(byID["bob"]?.love, bob))
    }

    func date(_ text: String) -> Date { ActivityLogReaderTests.date(text) }

    /// Nobody has been a member for 30 days: no champion, every non-staff member's reason says so.
    /// Engaged in the last 30 days (not staff, not bots): ann, bob, cid, sam → share 0/4.
    /// C7: nothing older than 90 days; no activity before the 14-day quiet period → nobody at risk.
    @Test func championsAndAtRisk() {
        #expect(report.champions.champions == 0)
        #expect(report.champions.emerging == 0)
        #expect(report.champions.engagedMau == 4)
        #expect(report.champions.championShare == 0.0)
        #expect(report.members.first { $0.member == "sam" }?.championReasons == ["missed: member for fewer than 30 days"])
        #expect(report.inactiveAtRisk.inactiveContributors == 0)
        #expect(report.inactiveAtRisk.atRisk == 0)
        #expect(report.inactiveAtRisk.quietDays == 14)
    }

    /// Community SPICES (window, non-staff, non-bot): every activity on question threads is Support
    /// (q1 6, r1 5, r4 5, react 2, r5 5, r6 5, react 2, q3 6, r7 5, r8 5, r9 5, react 2, q4 6, r11 5,
    /// q5 6, r12 5, cid's view of the solved q1 1, q6 6 = 82) plus the accepted answer r4 (8) = 90;
    /// Engagement: d1 6, RSVP 3, two attends 5 + 5, two views of doc1 1 + 1 = 21.
    @Test func spices() {
        let shares = report.engagement.spices
        #expect(shares.support == 90.0 / 111)
        #expect(shares.engagement == 21.0 / 111)
        #expect(shares.product == 0)
        #expect(shares.insight == 0)
        #expect(shares.content == 0)
        #expect(shares.success == 0)
        #expect(shares.acquisition == 0)
    }

    /// CRM records of the non-bot members, sorted by id.
    @Test func memberRecords() throws {
        #expect(report.members.map(\.member) == ["ann", "bob", "cid", "dee", "sam"])
        let byID = Dictionary(uniqueKeysWithValues: report.members.map { ($0.member, $0) })
        let ann = try #require(byID["ann"])
        #expect(ann.orbitLevel == 2)
        // ann's tag weights: q1 swift 6, r1 swift 5, reaction on r6 (lunch) 2, q4 swift 3 + lunch 3.
        #expect(ann.topInterests == ["swift", "lunch"])
        let p = [14.0 / 19, 5.0 / 19]
        #expect(ann.topicEntropy == -(p[0] * log(p[0]) + p[1] * log(p[1])) / log(3.0))
        #expect(ann.peerFirstResponses == 1)  // r8 on q3
        #expect(ann.acceptedAnswers == 0)
        #expect(ann.firstPostAt == date("2026-03-01T10:00:00Z"))
        #expect(ann.lastActiveAt == date("2026-03-08T10:00:00Z"))
        let bob = try #require(byID["bob"])
        #expect(bob.acceptedAnswers == 1)  // q1; q3 is self-solved
        #expect(bob.peerFirstResponses == 2)  // q2, q5
        #expect(byID["cid"]?.topInterests == ["ios", "swift"])  // 6 each, tie by name
        #expect(byID["cid"]?.orbitLevel == 3)
        let dee = try #require(byID["dee"])
        #expect(dee.orbitLevel == 4)
        #expect(dee.topInterests.isEmpty)
        #expect(dee.topicEntropy == nil)
        #expect(dee.firstPostAt == nil)
        #expect(dee.spicesProfile.engagement == 1.0)
        #expect(byID["sam"]?.peerFirstResponses == 0)  // r3 and r10 were staff responses
        #expect(byID["sam"]?.staff == false)
    }

    /// C10: the only cohort (2026-03) is younger than 90 days → censored; nobody had joined 30 days
    /// before E, so there is no level move.
    @Test func conversion() throws {
        let cohort = try #require(report.conversion.cohorts.first)
        #expect(report.conversion.cohorts.count == 1)
        #expect(cohort.cohort == "2026-03")
        #expect(cohort.members == 4)
        #expect(cohort.eligible == 0)
        #expect(cohort.joinedToViewed == nil)
        #expect(cohort.postedToChampion == nil)
        #expect(report.conversion.levelMoves.allSatisfy { $0.members == 0 })
    }
}
