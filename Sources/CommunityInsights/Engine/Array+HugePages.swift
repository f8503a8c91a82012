#if canImport(Glibc)
import Glibc
#endif

/// Arrays of the streaming state backed by transparent huge pages where the kernel offers them.
///
/// The streaming pass reads and writes per-member, per-post and per-thread arrays of several to
/// tens of megabytes at random: nearly every row's lines are TLB misses with 4 KB pages, and on
/// a virtual machine each miss walks two levels of page tables. Advising the arrays with
/// `MADV_HUGEPAGE` before their first touch lets the kernel back their whole 2 MB ranges with
/// huge pages when `/sys/kernel/mm/transparent_hugepage/enabled` is `madvise` (Debian's and
/// most distributions' default) or `always`. A hint only: where it is refused, or off Linux,
/// nothing changes but the page size. Arrays under 4 MB are not advised.
extension Array {
    /// The smallest array worth advising: two huge pages, of which at least one lies whole
    /// inside any allocation.
    static var hugePageThreshold: Int { 4 << 20 }

    /// `count` copies of `value` in storage advised for huge pages before it is first written.
    init(hugePagesRepeating value: Element, count: Int) {
        self.init(hugePagesCapacity: count)
        append(contentsOf: repeatElement(value, count: count))
    }

    /// Grows the array to `count` elements with copies of `value` (a smaller `count` changes
    /// nothing). An empty array is replaced by one in storage advised for huge pages
    /// (``init(hugePagesRepeating:count:)``): a state sized once over a table gets them all.
    mutating func grow(to count: Int, with value: Element) {
        guard count > self.count else { return }
        if isEmpty {
            self = Self(hugePagesRepeating: value, count: count)
        } else {
            append(contentsOf: repeatElement(value, count: count - self.count))
        }
    }

    /// An empty array with room for `capacity` elements, that room advised for huge pages: the
    /// elements appended later fault in huge pages.
    init(hugePagesCapacity capacity: Int) {
        self.init(unsafeUninitializedCapacity: capacity) { buffer, initialized in
            initialized = 0
            let bytes = capacity * MemoryLayout<Element>.stride
            guard bytes >= Self.hugePageThreshold, let base = buffer.baseAddress else { return }
            adviseHugePages(UnsafeMutableRawPointer(base), bytes: bytes)
        }
    }
}

/// `madvise(MADV_HUGEPAGE)` on the whole 2 MB pages inside `[start, start + bytes)`.
private func adviseHugePages(_ start: UnsafeMutableRawPointer, bytes: Int) {
    #if os(Linux)
    let huge = 2 << 20
    let first = (Int(bitPattern: start) + huge - 1) & ~(huge - 1)
    let end = (Int(bitPattern: start) + bytes) & ~(huge - 1)
    guard end > first, let page = UnsafeMutableRawPointer(bitPattern: first) else { return }
    _ = madvise(page, end - first, MADV_HUGEPAGE)
    #endif
}
