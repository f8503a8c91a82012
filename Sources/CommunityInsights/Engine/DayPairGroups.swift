/// Day-stamped pairs (owner, partner, day offset before E) grouped by owner with a stable
/// counting sort, and the count A3 takes of each group: the distinct partners per evaluation
/// day's window. A3's reactions received are grouped by recipient (partners: the reactors) and
/// its threads helped by replier (partners: the threads replied in).
///
/// Grouping first keeps the counting in arrays indexed by partner that are reset per group,
/// where a hash table keyed by (owner, partner) took a cache miss per entry and grew by
/// rehashing. The counts do not depend on the order of the entries.
struct DayPairGroups: Sendable {
    /// The entries of owner `m` are `starts[m]..<starts[m + 1]`.
    let starts: [Int]
    /// The partner of each entry, grouped by owner (log order within an owner).
    let partners: [Int32]
    /// The day offset before E (`0..<DayMask.span`) of each entry, grouped by owner.
    let offsets: [UInt8]

    /// Groups the entries `(owners[i], partners[i], offsets[i])` by owner; entries whose owner
    /// is outside `0..<ownerCount` are dropped.
    init(owners: [Int32], partners: [Int32], offsets: [UInt8], ownerCount n: Int) {
        var starts = [Int](repeating: 0, count: n + 1)
        for owner in owners where owner >= 0 && Int(owner) < n { starts[Int(owner) + 1] += 1 }
        for m in 0..<n { starts[m + 1] += starts[m] }
        var groupedPartners = [Int32](repeating: 0, count: starts[n])
        var groupedOffsets = [UInt8](repeating: 0, count: starts[n])
        var next = starts
        for i in owners.indices {
            let owner = Int(owners[i])
            guard owner >= 0, owner < n else { continue }
            groupedPartners[next[owner]] = partners[i]
            groupedOffsets[next[owner]] = offsets[i]
            next[owner] += 1
        }
        self.starts = starts
        self.partners = groupedPartners
        self.offsets = groupedOffsets
    }

    /// The number of owners.
    var ownerCount: Int { starts.count - 1 }

    /// Whether owner `m` has entries.
    func hasEntries(_ m: Int) -> Bool { starts[m + 1] > starts[m] }

    /// The distinct partners of each owner within the window of each evaluation day:
    /// `result[m * hold + k]` counts the partners `p < partnerCount` with an entry of `m` on a
    /// day in `[k, k + WindowCoverage.span)`, for `k < hold`. Partners outside
    /// `0..<partnerCount` are not counted.
    func distinctPartnersPerWindow(partnerCount: Int, hold: Int) -> [Int32] {
        let n = ownerCount
        var distinct = [Int32](repeating: 0, count: n * hold)
        // Per partner, the windows of the current owner's entries; `seenBy` marks the owner a
        // partner's coverage belongs to, `touched` lists the partners to visit.
        var coverage = [WindowCoverage](repeating: WindowCoverage(), count: partnerCount)
        var seenBy = [Int32](repeating: -1, count: partnerCount)
        var touched: [Int] = []
        for m in 0..<n where hasEntries(m) {
            for i in starts[m]..<starts[m + 1] {
                let partner = Int(partners[i])
                guard partner >= 0, partner < partnerCount else { continue }
                if seenBy[partner] != Int32(m) {
                    seenBy[partner] = Int32(m)
                    coverage[partner] = WindowCoverage()
                    touched.append(partner)
                }
                coverage[partner].insert(Int(offsets[i]), hold: hold)
            }
            for partner in touched {
                coverage[partner].forEachWindow(hold: hold) { k in distinct[m * hold + k] += 1 }
            }
            touched.removeAll(keepingCapacity: true)
        }
        return distinct
    }
}
