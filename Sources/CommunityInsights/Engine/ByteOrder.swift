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

    private static func precedes(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        for i in 0..<min(x.count, y.count) where x[i] != y[i] { return x[i] < y[i] }
        return x.count < y.count
    }
}
