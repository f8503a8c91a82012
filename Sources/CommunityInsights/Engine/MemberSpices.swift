/// Per-member §4 SPICES weights of the main section: eight `Double` lanes per member (lane 7
/// unused, 0), each member's lanes in one 64-byte cache line, so that an activity touches one
/// line whatever its letters and the line can be prefetched rows ahead.
///
/// A Swift array's elements are 16-byte aligned, not 64: the members start at ``start``, the
/// first line-aligned element of the storage when it was allocated. A copy of the array (copy
/// on write) keeps the indices, so it stays correct, merely no longer aligned.
struct MemberSpices: Sendable {
    private static let lanes = 8
    /// Room for `count` members after `start` (which is at most 6: 48 bytes).
    private var values: [Double] = []
    /// The index of member 0's lane 0 in `values`.
    private var start = 0
    /// Members with weights (all 0 until added to).
    private(set) var count = 0

    /// Makes room for `n` members.
    mutating func grow(to n: Int) {
        guard n > count else { return }
        let needed = n * Self.lanes + Self.lanes
        if needed > values.count {
            let old = values, oldStart = start
            values = [Double](hugePagesRepeating: 0, count: needed)
            start = values.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return 0 }
                let misalignment = Int(bitPattern: base) & 63
                return ((64 - misalignment) & 63) / MemoryLayout<Double>.stride
            }
            for i in 0..<(count * Self.lanes) { values[start + i] = old[oldStart + i] }
        }
        count = n
    }

    /// Adds `value` to member `m`'s weight of letter `lane` (`m < count`, `lane < 8`).
    mutating func add(_ m: Int, lane: Int, _ value: Double) {
        values[start + m * Self.lanes + lane] += value
    }

    /// Hints the cache to fetch member `m`'s line (nothing if `m` is out of range).
    func prefetch(_ m: Int) {
        guard m >= 0, m < count else { return }
        values.prefetch(start + m * Self.lanes)
    }

    /// The weights of member `m`, one lane per letter (`SpicesLetter.allCases` order).
    subscript(m: Int) -> SIMD8<Double> {
        var lanes = SIMD8<Double>(repeating: 0)
        for lane in 0..<Self.lanes { lanes[lane] = values[start + m * Self.lanes + lane] }
        return lanes
    }
}
