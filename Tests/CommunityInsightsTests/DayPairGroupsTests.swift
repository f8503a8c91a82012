@testable import CommunityInsights
import CommunityTesting
import Testing

/// `DayPairGroups` groups entries by owner in log order and counts, per owner and evaluation
/// day k, the distinct partners with an entry in the window `[k, k + 100)`, whatever the order of
/// the entries; owners and partners out of range are left out. Partners range over a set of
/// their own (A3's threads helped: repliers and threads). Checked against the definition.
@Suite struct DayPairGroupsTests {
    @Test(arguments: [1, 14, 28])
    func distinctPartnersMatchTheDefinition(hold: Int) {
        var random = SplitMix64(seed: UInt64(300 + hold))
        for _ in 0..<200 {
            let owners = 1 + Int(random.next() % 10), partners = 1 + Int(random.next() % 30)
            var entries: [(owner: Int32, partner: Int32, offset: UInt8)] = []
            for _ in 0..<Int(random.next() % 80) {
                // Some owners and partners out of range (dropped), offsets near the window edges.
                let owner = Int32(Int(random.next() % UInt64(owners + 2)) - 1)
                let partner = Int32(Int(random.next() % UInt64(partners + 2)) - 1)
                let picks = [0, hold - 1, hold, 98, 99, 100, 126, 127]
                let offset = random.next() % 2 == 0 ? picks[Int(random.next() % UInt64(picks.count))] : Int(random.next() % 128)
                entries.append((owner, partner, UInt8(offset)))
            }
            let groups = DayPairGroups(
                owners: entries.map(\.owner), partners: entries.map(\.partner), offsets: entries.map(\.offset), ownerCount: owners)
            let distinct = groups.distinctPartnersPerWindow(partnerCount: partners, hold: hold)
            #expect(distinct.count == owners * hold)
            for m in 0..<owners {
                let own = entries.filter { $0.owner == m }
                // Grouped in log order, out-of-range partners kept in the group.
                let range = groups.starts[m]..<groups.starts[m + 1]
                #expect(Array(groups.partners[range]) == own.map(\.partner))
                #expect(Array(groups.offsets[range]) == own.map(\.offset))
                #expect(groups.hasEntries(m) == !own.isEmpty)
                for k in 0..<hold {
                    let window = k..<(k + WindowCoverage.span)
                    let expected = Set(own.filter { $0.partner >= 0 && Int($0.partner) < partners && window.contains(Int($0.offset)) }
                        .map(\.partner)).count
                    #expect(Int(distinct[m * hold + k]) == expected, "owner \(m) day \(k)")
                }
            }
            #expect(groups.starts.last == entries.filter { $0.owner >= 0 && Int($0.owner) < owners }.count)
        }
    }

    /// The log keeps what a window can hold, in order, and groups as the arrays it holds do.
    @Test func logDropsWhatNoWindowHoldsAndGroupsItsEntries() {
        var log = DayPairLog()
        log.append(owner: 1, partner: 2, offset: 0)
        log.append(owner: 0, partner: 5, offset: DayMask.span - 1)
        log.append(owner: 1, partner: 3, offset: 7)
        log.append(owner: -1, partner: 2, offset: 3)
        log.append(owner: 1, partner: -1, offset: 3)
        log.append(owner: 1, partner: 2, offset: -1)
        log.append(owner: 1, partner: 2, offset: DayMask.span)
        log.append(owner: Int(Int32.max) + 1, partner: 2, offset: 3)
        log.append(owner: 1, partner: Int(Int32.max) + 1, offset: 3)
        #expect(log.count == 3)
        #expect(log.owners == [1, 0, 1] && log.partners == [2, 5, 3] && log.offsets == [0, UInt8(DayMask.span - 1), 7])
        let groups = log.grouped(ownerCount: 2)
        #expect(groups.starts == [0, 1, 3])
        #expect(groups.partners == [5, 2, 3] && groups.offsets == [UInt8(DayMask.span - 1), 0, 7])
        // Owner 0: partner 5 is beyond 4 partners. Owner 1: day 0 lies only in day 0's window,
        // day 7 in the windows of days 0 to 7.
        #expect(groups.distinctPartnersPerWindow(partnerCount: 4, hold: 14)
            == [Int32](repeating: 0, count: 14) + [2, 1, 1, 1, 1, 1, 1, 1] + [Int32](repeating: 0, count: 6))
    }

    @Test func noEntriesCountNothing() {
        let groups = DayPairGroups(owners: [], partners: [], offsets: [], ownerCount: 4)
        #expect(groups.ownerCount == 4)
        #expect(groups.distinctPartnersPerWindow(partnerCount: 9, hold: 14) == [Int32](repeating: 0, count: 4 * 14))
        #expect(DayPairGroups(owners: [], partners: [], offsets: [], ownerCount: 0).distinctPartnersPerWindow(partnerCount: 0, hold: 3).isEmpty)
    }
}
