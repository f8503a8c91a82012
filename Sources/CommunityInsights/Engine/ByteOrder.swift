/// The byte order of identifiers (INSIGHTS.md Reading 8: post ids compared as byte strings; the
/// report's member lists are sorted the same way).
///
/// Compares the UTF-8 bytes in place when both strings have contiguous UTF-8 storage (native and
/// small strings do), which is several times faster than iterating `utf8` generically; falls back
/// to `utf8.lexicographicallyPrecedes` otherwise.
enum ByteOrder {
    /// `true` if the UTF-8 bytes of `a` precede those of `b` lexicographically (a proper prefix
    /// comes first).
    static func precedes(_ a: String, _ b: String) -> Bool {
        let fast = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in precedes(x, y) }
        }
        if let result = fast ?? nil { return result }
        return a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    private static func precedes(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        for i in 0..<min(x.count, y.count) where x[i] != y[i] { return x[i] < y[i] }
        return x.count < y.count
    }
}
