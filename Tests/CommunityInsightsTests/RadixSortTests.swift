@testable import CommunityInsights
import CommunityTesting
import Foundation
import Testing

/// The report's radix sorts and the statistics built on them give what the comparison sorts
/// they replace give, on random inputs with many ties.
@Suite struct RadixSortTests {
    static func randomDoubles(_ random: inout SplitMix64, count: Int, negatives: Bool) -> [Double] {
        (0..<count).map { _ in
            switch random.next() % 4 {
            case 0: Double(random.next() % 50)  // ties
            case 1: Double(random.next() % 1_000_000) / 7
            case 2: negatives ? -Double(random.next() % 1_000) : 0
            default: Double(bitPattern: random.next() >> 2)  // any non-negative bit pattern
            }
        }
    }

    @Test(arguments: [0, 1, 65, 1_000, 20_000])
    func doublesSortAsSortDoes(count: Int) {
        var random = SplitMix64(seed: UInt64(count) + 1)
        for negatives in [false, true] {
            var values = Self.randomDoubles(&random, count: count, negatives: negatives)
            let expected = values.sorted()
            RadixSort.sortAscending(&values)
            #expect(values.map(\.bitPattern) == expected.map(\.bitPattern))
        }
    }

    @Test func orderIsStableByKey() {
        var random = SplitMix64(seed: 5)
        let keys = (0..<30_000).map { _ in random.next() % 3 == 0 ? random.next() : random.next() % 40 << 56 }
        let order = RadixSort.order(byKeys: keys)
        let expected = keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
        #expect(order == expected)
        #expect(RadixSort.order(byKeys: []).isEmpty)
    }

    @Test func kaplanMeierMedianMatchesTheDefinition() {
        var random = SplitMix64(seed: 9)
        for round in 0..<200 {
            let n = 1 + round % 40
            let observations = (0..<n).map { _ in (time: Double(random.next() % 12), event: random.next() % 3 != 0) }
            var events = observations.filter(\.event).map(\.time), censored = observations.filter { !$0.event }.map(\.time)
            events.sort()
            censored.sort()
            #expect(Statistics.kaplanMeierMedian(events: events, censored: censored) == Self.referenceMedian(observations))
        }
        #expect(Statistics.kaplanMeierMedian(events: [], censored: []) == nil)
        #expect(Statistics.kaplanMeierMedian(events: [], censored: [1, 2]) == nil)
        // Censored at the same time as an event are still at risk then: 1 − 1/2 = 0.5 at t = 3.
        #expect(Statistics.kaplanMeierMedian(events: [3], censored: [3]) == 3)
    }

    /// The product-limit estimator from its definition: at each distinct event time t, Ŝ is
    /// multiplied by 1 − d(t)/n(t), with n(t) the observations of time ≥ t (quadratic, for tests).
    static func referenceMedian(_ observations: [(time: Double, event: Bool)]) -> Double? {
        var survival = 1.0
        for t in Set(observations.filter(\.event).map(\.time)).sorted() {
            let deaths = observations.filter { $0.event && $0.time == t }.count
            let exposed = observations.filter { $0.time >= t }.count
            survival *= 1 - Double(deaths) / Double(exposed)
            if survival <= 0.5 + 1e-12 { return t }
        }
        return nil
    }

    @Test func stableDescendingKeepsTheGivenOrderOfTies() {
        var random = SplitMix64(seed: 13)
        let entries = (0..<5_000).map { i in (i, 1 + Int(random.next() % 90)) }
        let sorted = EngineState.stableDescending(entries)
        let expected = entries.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        #expect(sorted.map(\.0) == expected.map(\.0))
        #expect(EngineState.stableDescending([]).isEmpty)
    }

    @Test func membersInIDOrderCompareWholeIDsPastTheKey() throws {
        // Ids that share their first 8 bytes, of every length, unicode, and a prefix of another.
        var random = SplitMix64(seed: 17)
        var ids = (0..<3_000).map { _ in "member-" + String(random.next() % 10_000) }
        ids += ["member-", "member-0", "m", "", "é", "member-00", "Zoë", "member-1é", "member-1"]
        ids = Array(Set(ids))
        let members = Array(ids.indices.reversed())
        let order = EngineState.inIDOrder(members, ids, ids.map(ByteOrder.prefix))
        #expect(order.map { ids[$0.member] } == ids.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        #expect(order.allSatisfy { members[$0.position] == $0.member })
    }
}
