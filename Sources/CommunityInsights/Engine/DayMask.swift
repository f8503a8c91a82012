/// A set of the 128 UTC days before (and including) the evaluation day: bit i = day E − i.
struct DayMask: Sendable, Hashable {
    var low: UInt64 = 0
    var high: UInt64 = 0

    static let span = 128

    mutating func insert(_ offset: Int) {
        if offset >= 0, offset < 64 {
            low |= 1 << UInt64(offset)
        } else if offset >= 64, offset < 128 {
            high |= 1 << UInt64(offset - 64)
        }
    }

    /// Days set with an offset in `range` (clamped to 0..<128).
    func count(_ range: Range<Int>) -> Int {
        let lower = max(range.lowerBound, 0)
        let upper = min(range.upperBound, 128)
        guard lower < upper else { return 0 }
        return (low & Self.bits(lower, upper, base: 0)).nonzeroBitCount
            + (high & Self.bits(lower, upper, base: 64)).nonzeroBitCount
    }

    func contains(any range: Range<Int>) -> Bool { count(range) > 0 }

    var isEmpty: Bool { low == 0 && high == 0 }

    /// The mask of bits [lower, upper) within the 64-bit word starting at `base`.
    private static func bits(_ lower: Int, _ upper: Int, base: Int) -> UInt64 {
        let a = min(max(lower - base, 0), 64)
        let b = min(max(upper - base, 0), 64)
        guard a < b else { return 0 }
        let width = b - a
        let ones: UInt64 = width == 64 ? ~0 : (1 << UInt64(width)) - 1
        return ones << UInt64(a)
    }
}
