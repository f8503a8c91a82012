import CommunityInsights
import Foundation
import Testing

/// A3 on a log built in code. E = 2026-06-01T12:00Z; "offset o" = the UTC day o days before E.
///
/// - hero joined at offset 120. On offsets 60…71 hero gives the first response (10:00) to the
///   questions of a0…a11, who joined at offset 75 (newcomers). hero views a resource on 72…84 and
///   90…94. Each asker reacts twice to hero's reply (offset 58); obs reacts once at E.
///   At E: presence = days 60…84 = 25 < 30 (missed); helps 12 threads, 12 newcomer responses;
///   recognised 25 reactions from 13 members; clean → 3 of 4. Five days earlier the 90-day window
///   [5, 95) also holds 90…94 → 30 days → all four: champion, held for 14 days.
/// - emma joined at offset 100, replies second (11:00) in a0…a9's threads, three of which accept
///   her reply; she views a resource on offsets 0…29. Presence 40, helps (10 threads, 3 accepted),
///   no reaction, clean → 3 of 4: emerging.
@Suite struct ChampionRuleTests {
    let evaluation = 1_780_315_200.0  // 2026-06-01T12:00:00Z

    func at(_ offset: Int, hour: Int) -> Date {
        let day = (evaluation / 86_400).rounded(.down) - Double(offset)
        return Date(timeIntervalSince1970: day * 86_400 + Double(hour) * 3600)
    }

    func log() -> ActivityLog {
        var records: [ActivityRecord] = []
        func add(_ event: ActivityEvent) { records.append(ActivityRecord(line: records.count + 1, event: event)) }
        add(.member(member: "hero", time: at(120, hour: 8), staff: false, bot: false))
        add(.member(member: "obs", time: at(120, hour: 8), staff: false, bot: false))
        add(.member(member: "emma", time: at(100, hour: 8), staff: false, bot: false))
        for i in 0..<12 {
            let asker = "a\(i)", thread = "q\(i)"
            add(.member(member: asker, time: at(75, hour: 8), staff: false, bot: false))
            add(.thread(id: thread, member: asker, time: at(60 + i, hour: 9), space: "qa", kind: .question, tags: ["swift"]))
            add(.reply(id: "h\(i)", member: "hero", time: at(60 + i, hour: 10), thread: thread, parent: nil))
            if i < 10 {
                add(.reply(id: "e\(i)", member: "emma", time: at(60 + i, hour: 11), thread: thread, parent: nil))
            }
            if i < 3 {
                add(.accept(member: asker, time: at(60 + i, hour: 12), thread: thread, post: "e\(i)"))
            }
            add(.react(member: asker, time: at(58, hour: 11), post: "h\(i)"))
            add(.react(member: asker, time: at(58, hour: 12), post: "h\(i)"))
        }
        for offset in Array(72...84) + Array(90...94) {
            add(.view(member: "hero", time: at(offset, hour: 15), resource: "doc"))
        }
        for offset in 0...29 {
            add(.view(member: "emma", time: at(offset, hour: 8), resource: "doc"))
        }
        add(.react(member: "obs", time: Date(timeIntervalSince1970: evaluation), post: "h0"))
        return ActivityLog(records: records)
    }

    @Test func heldChampionAndEmergingMember() throws {
        let report = try InsightsReport.compute(from: log())
        #expect(report.window.evaluationTime == Date(timeIntervalSince1970: evaluation))
        #expect(report.champions.championMembers == ["hero"])
        #expect(report.champions.emergingMembers == ["emma"])
        #expect(report.champions.engagedMau == 1)  // obs reacted at E; everything else is older than 30 days
        #expect(report.champions.championShare == 1.0)
        let hero = try #require(report.members.first { $0.member == "hero" })
        #expect(hero.champion)
        #expect(!hero.emerging)
        #expect(hero.championReasons == [
            "missed: presence, 25 active days in the last 90 (needs 30)",
            "met: helps, replied in 12 threads of others (needs 10) with 12 first responses to newcomers and 0 accepted answers (needs 3 of either)",
            "met: recognised, 25 reactions from 13 members in 100 days (needs 20 from 10)",
            "met: clean, 0 posts flagged or hidden in 100 days (at most 5)",
            "held: all four criteria met 5 days before the evaluation time (status held 14 days)",
        ])
        let emma = try #require(report.members.first { $0.member == "emma" })
        #expect(emma.emerging)
        #expect(emma.acceptedAnswers == 3)
        #expect(emma.championReasons.first == "met: presence, 40 active days in the last 90 (needs 30)")
        #expect(emma.championReasons[2].hasPrefix("missed: recognised, 0 reactions"))
        // Askers have been members for 75 days but help nobody.
        #expect(report.members.first { $0.member == "a0" }?.champion == false)
    }

    /// With hold 1 day, hero's status is the one of E alone: emerging, not champion.
    @Test func withoutHoldTheStatusFollowsTheDay() throws {
        var configuration = InsightsConfiguration()
        configuration.championHoldDays = 1
        let report = try InsightsReport.compute(from: log(), configuration: configuration)
        #expect(report.champions.championMembers.isEmpty)
        #expect(report.champions.emergingMembers == ["emma", "hero"])
    }

    /// C7 with the default 14-day quiet period: ranking by active days in offsets [14, 104).
    /// hero 30 (60…84, 90…94); emma 27 (views 14…29, replies 60…69, join 100); each asker 3 (join
    /// 75, thread day, reactions 58); obs 0 (joined at 120, reacted at E) → not ranked.
    /// n = 14 → top ⌈14/4⌉ = 4: hero, emma, then the tie at 3 by id bytes: a0, a1 ("a10" > "a1").
    /// Silent for the last 14 days: hero, a0, a1; emma viewed on offsets 0…13.
    @Test func atRiskTopQuartile() throws {
        let report = try InsightsReport.compute(from: log())
        #expect(report.inactiveAtRisk.atRiskMembers == ["a0", "a1", "hero"])
    }

    /// C10. Cohort 2026-02 (hero, obs at offset 120, emma at 100) is past its 90 days; the askers'
    /// cohort 2026-03 (offset 75) is censored. Within 90 days of joining: hero and emma viewed
    /// (obs only reacted, 120 days after joining); nobody reacted or RSVPed; hero and emma posted;
    /// hero is a champion.
    /// Level moves (E − 30 d → E): hero L1 (30 active days in [30, 120)) → L2; emma L2 → L1 (40
    /// active days in the last 90); the 12 askers hold L3; obs inactive → L4 (his reaction at E).
    @Test func conversion() throws {
        let report = try InsightsReport.compute(from: log())
        let cohorts = report.conversion.cohorts
        #expect(cohorts.map(\.cohort) == ["2026-02", "2026-03"])
        let february = try #require(cohorts.first)
        #expect(february.members == 3)
        #expect(february.eligible == 3)
        #expect([february.viewed, february.reacted, february.posted, february.champions] as [Int] == [2, 0, 2, 1])
        #expect(february.joinedToViewed == 2.0 / 3)
        #expect(february.viewedToReacted == 0.0)
        #expect(february.reactedToPosted == nil)
        #expect(february.postedToChampion == 0.5)
        let march = try #require(cohorts.last)
        #expect(march.members == 12)
        #expect(march.eligible == 0)
        #expect(march.joinedToViewed == nil)
        let moves = report.conversion.levelMoves
        #expect(moves.map(\.level) == [1, 2, 3, 4, nil])
        #expect(moves.map(\.members) as [Int] == [1, 1, 12, 0, 1])
        #expect(moves[0].movedDown == 1)
        #expect(moves[1].movedUp == 1)
        #expect(moves[2].held == 12)
        #expect(moves[4].movedUp == 1)
    }
}
