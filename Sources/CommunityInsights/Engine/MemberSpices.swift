/// Per-member §4 SPICES weights of the main section, stored lane by lane in tiles of 512
/// members (`tile` members' lane 0, then their lane 1, …): an activity with one letter adds to
/// one `Double`, a single cache line, where a member's `SIMD8<Double>` block (64 bytes, not
/// line-aligned in an array) straddled two. Lane 7 is unused and stays 0.
struct MemberSpices: Sendable {
    /// Members per tile (a power of two).
    private static let tileShift = 9
    private static let tile = 1 << tileShift
    private var values: [Double] = []
    /// Members with weights (all 0 until added to).
    private(set) var count = 0

    /// Makes room for `n` members.
    mutating func grow(to n: Int) {
        guard n > count else { return }
        let needed = ((n + Self.tile - 1) >> Self.tileShift) << (Self.tileShift + 3)
        if needed > values.count { values.append(contentsOf: repeatElement(0, count: needed - values.count)) }
        count = n
    }

    /// The slot of member `m`'s `lane` (both non-negative, `m < count`, `lane < 8`).
    private static func index(_ m: Int, _ lane: Int) -> Int {
        (m >> tileShift) << (tileShift + 3) | lane << tileShift | m & (tile - 1)
    }

    /// Adds `value` to member `m`'s weight of letter `lane`.
    mutating func add(_ m: Int, lane: Int, _ value: Double) {
        values[Self.index(m, lane)] += value
    }

    /// The weights of member `m`, one lane per letter (`SpicesLetter.allCases` order).
    subscript(m: Int) -> SIMD8<Double> {
        var lanes = SIMD8<Double>(repeating: 0)
        for lane in 0..<8 { lanes[lane] = values[Self.index(m, lane)] }
        return lanes
    }
}
