@testable import CommunityInsights
import CommunityTesting
import Testing

/// `PairTable` (C11's pair flags) holds the same values as a dictionary would,
/// across growth and colliding keys; day sets as the values.
@Suite struct PairTableTests {
    @Test func matchesADictionary() {
        var table = PairTable<DayMask>(empty: DayMask())
        var reference: [Int: DayMask] = [:]
        var random = SplitMix64(seed: 3)
        for _ in 0..<20_000 {
            let first = Int(random.next() % 300), second = Int(random.next() % 300)
            let offset = Int(random.next() % 128)
            table.update(first, second) { $0.insert(offset) }
            reference[first << 32 | second, default: DayMask()].insert(offset)
        }
        #expect(table.count == reference.count)
        var perFirst: [Int: [DayMask]] = [:]
        table.forEach { first, days in perFirst[first, default: []].append(days) }
        var expected: [Int: [DayMask]] = [:]
        for (key, days) in reference { expected[key >> 32, default: []].append(days) }
        #expect(perFirst.mapValues { $0.count } == expected.mapValues { $0.count })
        #expect(perFirst.mapValues { Set($0) } == expected.mapValues { Set($0) })
    }

    @Test func emptyTableVisitsNothing() {
        let table = PairTable<DayMask>(empty: DayMask())
        var visited = 0
        table.forEach { _, _ in visited += 1 }
        #expect(visited == 0 && table.count == 0)
    }

    @Test func largeIndicesRoundTrip() {
        var table = PairTable<DayMask>(empty: DayMask())
        table.update(Int(Int32.max) - 1, Int(Int32.max) - 1) { $0.insert(127) }
        table.update(0, 0) { $0.insert(0) }
        var firsts: [Int] = []
        table.forEach { first, days in
            firsts.append(first)
            #expect(!days.isEmpty)
        }
        #expect(firsts.sorted() == [0, Int(Int32.max) - 1])
    }
}
