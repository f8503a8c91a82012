@testable import CommunityInsights
import CommunityTesting
import Testing

/// `WindowCoverage` answers as the day set it summarises: the evaluation days k whose window
/// `[k, k + 100)` holds a day of the set, for every hold and random sets of days.
@Suite struct WindowCoverageTests {
    @Test(arguments: [1, 2, 13, 14, 27, 28])
    func sameWindowsAsTheDaySet(hold: Int) {
        var random = SplitMix64(seed: UInt64(hold))
        for _ in 0..<2_000 {
            var days = DayMask()
            var coverage = WindowCoverage()
            for _ in 0..<Int(random.next() % 5) {
                // Mostly near the edges of the regions (hold − 1, 99, 100, 127), some out of range.
                let picks = [0, hold - 2, hold - 1, hold, 98, 99, 100, 101, 126, 127, 128, -1]
                let offset = random.next() % 2 == 0
                    ? picks[Int(random.next() % UInt64(picks.count))] : Int(random.next() % 140) - 5
                days.insert(offset)
                coverage.insert(offset, hold: hold)
            }
            let expected = (0..<hold).filter { days.contains(any: $0..<($0 + WindowCoverage.span)) }
            var actual: [Int] = []
            coverage.forEachWindow(hold: hold) { actual.append($0) }
            #expect(actual == expected, "days \(days) hold \(hold)")
        }
    }

    @Test func emptyCoversNothing() {
        var called = false
        WindowCoverage().forEachWindow(hold: 28) { _ in called = true }
        #expect(!called)
    }

    @Test func entryIsFourBytesAtMost() {
        #expect(MemoryLayout<WindowCoverage>.size <= 4)
    }
}
