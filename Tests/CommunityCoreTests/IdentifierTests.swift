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

    /// The hand-written text form and parser agree with Foundation's `UUID` on random
    /// identifiers in any case, and on thousands of near-miss strings (a character replaced,
    /// removed or added): exactly the canonical `8-4-4-4-12` hex shapes parse.
    @Test func textFormMatchesFoundation() {
        var rng = SplitMix64(seed: 2026)
        let alphabet = Array("0123456789abcdefABCDEFgG-{} xz\u{e9}")
        for _ in 0..<2_000 {
            let id = MemberID(high: rng.next(), low: rng.next())
            #expect(id.description == id.uuid.uuidString.lowercased())
            #expect(MemberID(id.uuid.uuidString) == id)
            var text = Array(rng.next() % 2 == 0 ? id.description : id.uuid.uuidString)
            switch rng.next() % 3 {
            case 0: text[Int(rng.next() % UInt64(text.count))] = alphabet[Int(rng.next() % UInt64(alphabet.count))]
            case 1: text.remove(at: Int(rng.next() % UInt64(text.count)))
            default: text.insert(alphabet[Int(rng.next() % UInt64(alphabet.count))], at: Int(rng.next() % UInt64(text.count + 1)))
            }
            let mutated = String(text)
            // Foundation's parser is laxer (it reads each byte pair with `sscanf`, so a space or
            // a sign may stand for a digit); the canonical shape is what both accept alike.
            let isCanonical = text.count == 36 && text.enumerated().allSatisfy { offset, character in
                [8, 13, 18, 23].contains(offset) ? character == "-" : character.isHexDigit && character.isASCII
            }
            if isCanonical || MemberID(mutated) != nil {
                #expect(MemberID(mutated) == UUID(uuidString: mutated).map(MemberID.init), "\(mutated)")
            }
            #expect((MemberID(mutated) != nil) == isCanonical, "\(mutated)")
        }
        #expect(MemberID("") == nil)
        #expect(MemberID("00000000-0000-0000-0000-000000000000") == MemberID(high: 0, low: 0))
        #expect(MemberID("FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF") == MemberID(high: .max, low: .max))
    }
}
