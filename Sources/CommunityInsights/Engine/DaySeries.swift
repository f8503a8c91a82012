/// Integer counts per UTC day (days since 1970-01-01) in one flat array, replacing a
/// `[Int: Int]` keyed by day in the streaming pass: an add is an index, not a hash.
///
/// The array starts at the first day added and grows on either side as needed; unknown days
/// read as 0.
struct DaySeries: Sendable {
    private var base = 0
    private var values: [Int] = []

    /// The count of `day`, 0 if nothing was added on it.
    subscript(day: Int) -> Int {
        let i = day - base
        return i >= 0 && i < values.count ? values[i] : 0
    }

    /// Adds `delta` to the count of `day`. Inlined into the row loops: most adds land on a day
    /// the array already covers, and only the growth is a call.
    @inline(__always)
    mutating func add(_ day: Int, _ delta: Int) {
        let i = day - base
        if i < 0 || i >= values.count {
            grow(toCover: day)
            values[day - base] += delta
            return
        }
        values[i] += delta
    }

    /// Extends the array so that it covers `day`.
    @inline(never)
    private mutating func grow(toCover day: Int) {
        if values.isEmpty { base = day }
        if day < base {
            values.insert(contentsOf: repeatElement(0, count: base - day), at: 0)
            base = day
        }
        let i = day - base
        if i >= values.count { values.append(contentsOf: repeatElement(0, count: max(i - values.count + 1, 64))) }
    }

    /// The sum of the counts of every day up to and including `day`.
    func sum(through day: Int) -> Int {
        let end = min(day - base + 1, values.count)
        return end > 0 ? values[..<end].reduce(0, +) : 0
    }
}
