@testable import CommunityInsights
import Synchronization
import Testing

/// `Array(count:concurrently:makeContext:element:)` builds element i as `element(&context, i)`,
/// in place, with one context per half when concurrent: the same array either way.
@Suite struct ArrayHalvesTests {
    @Test(arguments: [0, 1, 2, 3, 10, 1_001])
    func sameArrayInHalvesAsInOnePass(count: Int) {
        let contexts = Atomic<Int>(0)
        let make: @Sendable () -> [Int] = {
            contexts.add(1, ordering: .relaxed)
            return []
        }
        // Each element records the indices its context saw before it: a half's context sees
        // only its own half's earlier indices, in order.
        let concurrent = [[Int]](count: count, concurrently: true, makeContext: make) { seen, i in
            seen.append(i)
            return seen
        }
        #expect(concurrent.count == count)
        #expect(contexts.load(ordering: .relaxed) == (count > 1 ? 2 : count))
        let half = count / 2
        for (i, seen) in concurrent.enumerated() {
            let start = count > 1 && i >= half ? half : 0
            #expect(seen == Array(start...i), "element \(i)")
        }
        contexts.store(0, ordering: .relaxed)
        let sequential = [Int](count: count, concurrently: false, makeContext: make) { _, i in i * i }
        #expect(sequential == (0..<count).map { $0 * $0 })
        #expect(contexts.load(ordering: .relaxed) == min(count, 1))
    }

    @Test func negativeCountIsEmpty() {
        #expect([Int](count: -3, concurrently: true, makeContext: {}) { _, i in i }.isEmpty)
    }
}
