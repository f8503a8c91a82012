@testable import CommunityInsights
import CommunityTesting
import Testing

/// `MemberSpices` (one cache line of weights per member) keeps every member's weights across
/// growth, which may move the line-aligned start, and across a copy on write.
@Suite struct MemberSpicesTests {
    @Test func weightsSurviveGrowthAndCopies() {
        var spices = MemberSpices()
        var reference: [SIMD8<Double>] = []
        var random = SplitMix64(seed: 11)
        var copies: [(MemberSpices, [SIMD8<Double>])] = []
        for step in 0..<3_000 {
            if reference.isEmpty || random.next() % 8 == 0 {
                let n = reference.count + 1 + Int(random.next() % 40)
                spices.grow(to: n)
                reference.append(contentsOf: repeatElement(SIMD8(repeating: 0), count: n - reference.count))
            }
            let m = Int(random.next() % UInt64(reference.count)), lane = Int(random.next() % 7)
            let value = Double(random.next() % 1_000) / 8
            spices.add(m, lane: lane, value)
            reference[m][lane] += value
            // A copy taken now must not see later adds, nor lose its own values.
            if step % 500 == 0 { copies.append((spices, reference)) }
        }
        #expect(spices.count == reference.count)
        for m in reference.indices { #expect(spices[m] == reference[m]) }
        for (copy, expected) in copies {
            for m in expected.indices { #expect(copy[m] == expected[m]) }
        }
        // Adding to a copy leaves the original as it was.
        var copy = spices
        copy.add(0, lane: 0, 1)
        #expect(copy[0][0] == reference[0][0] + 1)
        #expect(spices[0] == reference[0])
        // Out-of-range hints are ignored (a bounds trap would fail the test).
        spices.prefetch(-1)
        spices.prefetch(reference.count)
        spices.prefetch(0)
    }
}
