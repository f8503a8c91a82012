import CommunityCore
import CommunityTesting
import Testing

/// `FIFOQueue`, the waiter queue of the async locks: any interleaving of appends and pops gives
/// the order of a plain array, across its storage reclamation.
@Suite struct FIFOQueueTests {
    @Test(arguments: [1, 2, 3, 42] as [UInt64])
    func randomInterleavingsMatchAnArray(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var queue = FIFOQueue<Int>()
        var reference: [Int] = []
        var nextValue = 0
        for _ in 0..<20_000 {
            // Bias towards appends in bursts so that more than 64 slots get popped between resets.
            if rng.next() % 3 != 0 {
                queue.append(nextValue)
                reference.append(nextValue)
                nextValue += 1
            } else {
                let popped = queue.popFirst()
                #expect(popped == (reference.isEmpty ? nil : reference.removeFirst()))
            }
            #expect(queue.isEmpty == reference.isEmpty)
            #expect(queue.first == reference.first)
        }
        while let popped = queue.popFirst() { #expect(popped == reference.removeFirst()) }
        #expect(reference.isEmpty)
    }
}
