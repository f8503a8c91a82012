@testable import CommunityInsights
import CommunityTesting
import Testing

/// `DayMask.forEachWindow` visits exactly the windows `contains(any:)` accepts.
@Suite struct DayMaskTests {
    @Test(arguments: [1, 14, 28])
    func windowsMatchContainsAny(days: Int) {
        var random = SplitMix64(seed: 7)
        for _ in 0..<500 {
            var mask = DayMask()
            for _ in 0..<Int(random.next() % 6) { mask.insert(Int(random.next() % 128)) }
            for span in [1, 30, 100] {
                var visited: [Int] = []
                mask.forEachWindow(days, span: span) { visited.append($0) }
                let expected = (0..<days).filter { mask.contains(any: $0..<($0 + span)) }
                #expect(visited == expected, "\(mask) span \(span)")
            }
        }
    }

    @Test func firstAtOrAfter() {
        var mask = DayMask()
        for offset in [3, 63, 64, 127] { mask.insert(offset) }
        #expect(mask.first(atOrAfter: 0) == 3)
        #expect(mask.first(atOrAfter: 4) == 63)
        #expect(mask.first(atOrAfter: 64) == 64)
        #expect(mask.first(atOrAfter: 65) == 127)
        #expect(mask.first(atOrAfter: 128) == nil)
        #expect(DayMask().first(atOrAfter: 0) == nil)
    }
}
