import CPrefetch

extension UnsafeBufferPointer {
    /// Hints the cache to fetch the line of element `i` (plus `offset` bytes), for a write, ahead
    /// of an access a few rows later; no effect on any value, nothing if `i` is out of range.
    func prefetch(_ i: Int, offset: Int = 0) {
        guard i >= 0, i < count, let base = baseAddress else { return }
        ck_prefetch_write(UnsafeRawPointer(base + i) + offset)
    }
}

extension UnsafeMutableBufferPointer {
    /// Hints the cache to fetch the line of element `i` (plus `offset` bytes), as
    /// ``Swift/UnsafeBufferPointer/prefetch(_:offset:)`` does.
    func prefetch(_ i: Int, offset: Int = 0) {
        UnsafeBufferPointer(self).prefetch(i, offset: offset)
    }
}

extension Array {
    /// Hints the cache to fetch the line of element `i` (plus `offset` bytes), as
    /// ``Swift/UnsafeBufferPointer/prefetch(_:offset:)`` does.
    func prefetch(_ i: Int, offset: Int = 0) {
        withUnsafeBufferPointer { $0.prefetch(i, offset: offset) }
    }

    /// Hints the cache to fetch the lines of elements `i..<i + count` (clamped to the array).
    func prefetch(_ i: Int, count: Int) {
        withUnsafeBufferPointer { buffer in
            guard i >= 0, i < buffer.count, let base = buffer.baseAddress else { return }
            let start = UnsafeRawPointer(base + i)
            let end = UnsafeRawPointer(base + Swift.min(i + count, buffer.count))
            var line = start
            while line < end {
                ck_prefetch_write(line)
                line += 64
            }
            ck_prefetch_write(end - 1)
        }
    }
}
