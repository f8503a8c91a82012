/// A fixed set of small non-negative integers (0..<384), for `BYYEARDAY` lookups.
struct BitSet384: Sendable {
    private var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)

    init(_ values: [Int]) {
        for value in values where value >= 0 && value < 384 {
            let bit = UInt64(1) << UInt64(value & 63)
            switch value >> 6 {
            case 0: words.0 |= bit
            case 1: words.1 |= bit
            case 2: words.2 |= bit
            case 3: words.3 |= bit
            case 4: words.4 |= bit
            default: words.5 |= bit
            }
        }
    }

    @inline(__always)
    func contains(_ value: Int) -> Bool {
        guard value >= 0 && value < 384 else { return false }
        let bit = UInt64(1) << UInt64(value & 63)
        switch value >> 6 {
        case 0: return words.0 & bit != 0
        case 1: return words.1 & bit != 0
        case 2: return words.2 & bit != 0
        case 3: return words.3 & bit != 0
        case 4: return words.4 & bit != 0
        default: return words.5 & bit != 0
        }
    }
}
