/// The byte order of identifiers (INSIGHTS.md Reading 8: post ids compared as byte strings; the
/// report's member lists are sorted the same way).
///
/// Compares the UTF-8 bytes in place (`withUTF8`, which also reaches the bytes of small strings,
/// where `utf8.withContiguousStorageIfAvailable` gave up and left a generic iteration of `utf8`),
/// several times faster than iterating `utf8`; sorting 200,000 member ids does this 3.5 M times.
enum ByteOrder {
    /// `true` if the UTF-8 bytes of `a` precede those of `b` lexicographically (a proper prefix
    /// comes first).
    static func precedes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in b.withUTF8 { y in precedes(x, y) } }
    }

    /// The first 8 UTF-8 bytes of `s`, big-endian, zero-padded: keys that differ order their
    /// strings as ``precedes(_:_:)`` does (a string that ends first is a prefix of the other up
    /// to there); equal keys need the full comparison. Sorting many ids by key first compares
    /// integers instead of bytes.
    static func prefix(_ s: String) -> UInt64 {
        var key: UInt64 = 0
        var shift: UInt64 = 56
        for byte in s.utf8.prefix(8) {
            key |= UInt64(byte) << shift
            shift &-= 8
        }
        return key
    }

    /// ``precedes(_:_:)`` with the strings' ``prefix(_:)`` keys.
    static func precedes(_ a: String, _ keyA: UInt64, _ b: String, _ keyB: UInt64) -> Bool {
        keyA != keyB ? keyA < keyB : precedes(a, b)
    }

    private static func precedes(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        for i in 0..<min(x.count, y.count) where x[i] != y[i] { return x[i] < y[i] }
        return x.count < y.count
    }
}
