/// SplitMix64 (Steele, Lea, Flood 2014): a tiny, seedable, deterministic random number
/// generator, so property tests and benchmarks explore the same inputs on every run and machine.
/// Swift's system generator cannot be seeded.
///
/// ```swift
/// var rng = SplitMix64(seed: 42)
/// let capacity = Int.random(in: 1...5, using: &rng)
/// ```
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator; equal seeds give equal sequences.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
