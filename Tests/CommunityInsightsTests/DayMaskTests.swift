@testable import CommunityInsights
import CommunityTesting
import Testing

/// `DayMask` counts the days of a range as a set of offsets would, offsets out of range ignored.
@Suite struct DayMaskTests {
    @Test func countMatchesASet() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<500 {
            var mask = DayMask()
            var reference = Set<Int>()
            for _ in 0..<Int(random.next() % 12) {
                let offset = Int(random.next() % 140) - 6
                mask.insert(offset)
                if (0..<DayMask.span).contains(offset) { reference.insert(offset) }
            }
            for _ in 0..<8 {
                let lower = Int(random.next() % 140) - 6, length = Int(random.next() % 140)
                let range = lower..<(lower + length)
                #expect(mask.count(range) == reference.filter { range.contains($0) }.count, "\(mask) \(range)")
                #expect(mask.contains(any: range) == reference.contains { range.contains($0) })
            }
            #expect(mask.isEmpty == reference.isEmpty)
        }
    }
}
