import Testing

@testable import CommunityInsights

/// Arrays in storage advised for huge pages are ordinary arrays: the advice changes nothing a
/// reader can see, below the threshold (not advised) and above it (advised, where the kernel
/// offers huge pages).
struct HugePagesArrayTests {
    @Test(arguments: [0, 1, 1_000, 600_000, 3_000_000])
    func repeatingEqualsTheOrdinaryArray(count: Int) {
        let advised = [Int32](hugePagesRepeating: -1, count: count)
        #expect(advised == [Int32](repeating: -1, count: count))
    }

    @Test(arguments: [0, 10, 2_000_000])
    func capacityIsEmptyAndHoldsItsAppendsWithoutMoving(capacity: Int) {
        var advised = [Double](hugePagesCapacity: capacity)
        #expect(advised.isEmpty)
        #expect(advised.capacity >= capacity)
        let start = advised.withUnsafeBufferPointer { $0.baseAddress }
        advised.append(contentsOf: (0..<capacity).lazy.map(Double.init))
        #expect(advised.count == capacity)
        #expect(advised.last == (capacity > 0 ? Double(capacity - 1) : nil))
        if capacity > 0 { #expect(advised.withUnsafeBufferPointer { $0.baseAddress } == start) }
    }

    /// Growing sizes an empty array at once and appends to a non-empty one; a smaller count
    /// changes nothing.
    @Test func growAppendsCopiesUpToTheCount() {
        var array: [Int16] = []
        array.grow(to: 600_000, with: 7)
        #expect(array == [Int16](repeating: 7, count: 600_000))
        array.grow(to: 600_003, with: -1)
        #expect(array.count == 600_003)
        #expect(array.suffix(4) == [7, -1, -1, -1])
        array.grow(to: 10, with: 0)
        #expect(array.count == 600_003)
    }
}
