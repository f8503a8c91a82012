/// Day-stamped pairs (owner, partner, day offset before E) appended in any order, 9 bytes per
/// entry in three sequential columns, and grouped by owner once at report time
/// (``DayPairGroups``): A3's reactions received (recipient, reactor) and threads helped
/// (replier, thread).
struct DayPairLog: Sendable {
    /// The owner of each entry.
    private(set) var owners: [Int32] = []
    /// The partner of each entry.
    private(set) var partners: [Int32] = []
    /// The day offset before E (`0..<DayMask.span`) of each entry.
    private(set) var offsets: [UInt8] = []

    /// The number of entries.
    var count: Int { owners.count }

    /// Logs `partner` for `owner` on day `offset` before E. An offset outside
    /// `0..<DayMask.span`, or an index that is negative or beyond `Int32`, is not logged (no
    /// window holds it, no array is indexed by it).
    mutating func append(owner: Int, partner: Int, offset: Int) {
        guard offset >= 0, offset < DayMask.span, owner >= 0, partner >= 0,
              let owner = Int32(exactly: owner), let partner = Int32(exactly: partner) else { return }
        owners.append(owner)
        partners.append(partner)
        offsets.append(UInt8(truncatingIfNeeded: offset))
    }

    /// The entries grouped by owner, for owners `0..<ownerCount` (others dropped).
    func grouped(ownerCount: Int) -> DayPairGroups {
        DayPairGroups(owners: owners, partners: partners, offsets: offsets, ownerCount: ownerCount)
    }
}
