import CommunityCore
import CommunityTesting
import Foundation
import Testing

@Suite struct IdentifierTests {
    @Test func uuidV7HasVersionVariantAndTimestamp() {
        let date = Date(timeIntervalSince1970: 1_767_225_600.123)
        let id: MemberID = IDGenerator.uuidV7.next(at: date)
        #expect(id.high >> 12 & 0xF == 7)
        #expect(id.low >> 62 == 0b10)
        #expect(abs(id.timestamp.timeIntervalSince(date)) < 0.001)
        #expect(id.description.count == 36)
        #expect(id.description == id.description.lowercased())
    }

    @Test func idsOfOneGeneratorStrictlyIncreaseEvenWhenTheClockStandsStill() {
        let generator = IDGenerator.uuidV7
        let date = Date(timeIntervalSince1970: 1_767_225_600)
        let ids: [SpaceID] = (0..<10_000).map { _ in generator.next(at: date) }
        #expect(zip(ids, ids.dropFirst()).allSatisfy { $0 < $1 })
        let earlier: SpaceID = generator.next(at: date.addingTimeInterval(-5))
        #expect(ids.last! < earlier, "a clock stepping back does not break the order")
    }

    @Test func stringAndCodableRoundTrip() throws {
        let id: CommunityID = IDGenerator.uuidV7.next(at: Date())
        #expect(CommunityID(id.description) == id)
        #expect(CommunityID(id.uuid) == id)
        let data = try JSONEncoder().encode([id])
        #expect(String(decoding: data, as: UTF8.self) == "[\"\(id)\"]")
        #expect(try JSONDecoder().decode([CommunityID].self, from: data) == [id])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CommunityID].self, from: Data("[\"nope\"]".utf8)) }
        #expect(CommunityID("not-a-uuid") == nil)
    }

    @Test func incrementingIsDeterministic() {
        let date = ManualClock.epoch
        let first: [MemberID] = { let g = IDGenerator.incrementing; return (0..<5).map { _ in g.next(at: date) } }()
        let second: [MemberID] = { let g = IDGenerator.incrementing; return (0..<5).map { _ in g.next(at: date) } }()
        #expect(first == second)
        #expect(first == first.sorted())
    }
}
