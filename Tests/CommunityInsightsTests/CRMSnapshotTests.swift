import CommunityCore
import CommunityInsights
import Foundation
import Testing

/// The incremental CRM feed: unchanged members are not returned, changed and new ones are,
/// removed ones are reported, and the snapshot survives storage.
@Suite struct CRMSnapshotTests {
    static let night1 = Date(timeIntervalSince1970: 1_772_964_000)
    static let night2 = night1.addingTimeInterval(86_400)

    static func member(_ id: String, love: Double = 10, atRisk: Bool = false, reasons: [String] = []) -> MemberInsight {
        MemberInsight(member: id, love: love, orbitLevel: 3, championReasons: reasons, topInterests: ["swift"], atRisk: atRisk)
    }

    @Test func firstSyncAddsEveryone() {
        let delta = CRMSnapshot().changes(to: [Self.member("a"), Self.member("b")], evaluationTime: Self.night1)
        #expect(delta.added.map(\.member) == ["a", "b"])
        #expect(delta.changed.isEmpty && delta.removed.isEmpty)
        #expect(delta.snapshot.count == 2 && delta.snapshot.evaluationTime == Self.night1)
    }

    @Test func unchangedChangedAddedAndRemoved() {
        let snapshot = CRMSnapshot([Self.member("a"), Self.member("b"), Self.member("c")], evaluationTime: Self.night1)
        let today = [Self.member("a"), Self.member("b", atRisk: true), Self.member("d")]
        let delta = snapshot.changes(to: today, evaluationTime: Self.night2)
        #expect(delta.added.map(\.member) == ["d"])
        #expect(delta.changed.map(\.member) == ["b"])
        #expect(delta.removed == ["c"])
        #expect(delta.unchangedCount == 1)
        #expect(delta.upserts.map(\.member) == ["d", "b"])
        #expect(delta.snapshot.count == 3 && !delta.snapshot.contains("c"))
        // Nothing happened since: the next night sends nothing.
        let quiet = delta.snapshot.changes(to: today, evaluationTime: Self.night2)
        #expect(quiet.isEmpty && quiet.unchangedCount == 3)
    }

    /// Love decays a little every night; the feed sends it once the drift from the value last
    /// delivered passes the tolerance, not every night.
    @Test func loveDriftAccumulatesAgainstTheDeliveredValue() {
        var snapshot = CRMSnapshot([Self.member("a", love: 100)], evaluationTime: Self.night1)
        var sent: [Int] = []
        for night in 1...30 {
            let love = 100 * pow(0.9, Double(night) / 30)  // §3 decay, 0.35% a day
            let delta = snapshot.changes(to: [Self.member("a", love: love)], evaluationTime: nil)
            if !delta.changed.isEmpty { sent.append(night) }
            snapshot = delta.snapshot
        }
        #expect(sent == [15, 30])  // 5% tolerance: 100 → 95.2 on night 15, → 90.6 on night 30
        let strict = CRMSnapshot([Self.member("a", love: 100)], evaluationTime: nil)
            .changes(to: [Self.member("a", love: 99.9)], evaluationTime: nil, policy: .init(loveTolerance: 0))
        #expect(strict.changed.count == 1)
    }

    @Test func reasonFiguresAloneAreNotAChangeByDefault() {
        let before = Self.member("a", reasons: ["met: presence, 31 active days in the last 90 (needs 30)", "missed: helps, 2 threads"])
        let figures = Self.member("a", reasons: ["met: presence, 32 active days in the last 90 (needs 30)", "missed: helps, 3 threads"])
        let verdict = Self.member("a", reasons: ["met: presence, 32 active days in the last 90 (needs 30)", "met: helps, 12 threads"])
        let snapshot = CRMSnapshot([before], evaluationTime: nil)
        #expect(snapshot.changes(to: [figures], evaluationTime: nil).isEmpty)
        #expect(snapshot.changes(to: [verdict], evaluationTime: nil).changed.count == 1)
        let strict = CRMSnapshot.Policy(reasonFigures: true)
        #expect(CRMSnapshot([before], evaluationTime: nil, policy: strict)
            .changes(to: [figures], evaluationTime: nil, policy: strict).changed.count == 1)
    }

    @Test func storageRoundTrip() throws {
        let snapshot = CRMSnapshot([Self.member("a", love: 1.5), Self.member("é \"q\"", love: 0)], evaluationTime: Self.night1)
        let again = try CRMSnapshot(data: snapshot.data())
        #expect(again == snapshot)
        #expect(try CRMSnapshot(data: CRMSnapshot().data()) == CRMSnapshot())
        for bad in ["", "[]", #"{"version":2,"members":{}}"#, #"{"version":1,"members":{"a":["zz",1]}}"#] {
            #expect(throws: CommunityError.self) { try CRMSnapshot(data: Data(bad.utf8)) }
        }
    }

    /// Yesterday's report (the log up to 03-07T19:00) against today's (the whole golden log):
    /// dee joined in between (added); members with activity since changed; the rest unchanged.
    @Test func nightlySyncOnTheGoldenLog() throws {
        let log = try GoldenFixture.log()
        let cutoff = try #require(RFC3339Date("2026-03-07T19:00:00Z"))
        let yesterday = try InsightsReport.compute(from: ActivityLog(records: log.records.filter { ($0.time ?? cutoff) < cutoff }))
        let today = try InsightsReport.compute(from: log)
        let delta = CRMSnapshot().changes(to: yesterday).snapshot.changes(to: today)
        #expect(delta.added.map(\.member) == ["dee"])
        #expect(delta.removed.isEmpty)
        let changed = Set(delta.changed.map(\.member))
        #expect(changed.isSuperset(of: ["ann", "cid"]))  // new thread q6, new view
        #expect(delta.added.count + delta.changed.count + delta.unchangedCount == today.members.count)
        let replay = delta.snapshot.changes(to: today)
        #expect(replay.isEmpty)
    }

    func RFC3339Date(_ text: String) -> Date? {
        ISO8601DateFormatter().date(from: text)
    }
}
