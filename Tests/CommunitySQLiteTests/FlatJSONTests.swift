@testable import CommunitySQLite
import CommunityTesting
import Foundation
import Testing

/// The fast readers of flat JSON columns agree with `JSONDecoder`, or decline.
@Suite struct FlatJSONTests {

    static let alphabet: [Character] = Array("ab,:{}[] é👍🎉\"\\\n/") + ["\u{0001}"]

    static func text(_ rng: inout SplitMix64) -> String {
        String((0..<Int.random(in: 0...6, using: &rng)).map { _ in alphabet.randomElement(using: &rng) ?? "a" })
    }

    @Test func countsAgreeWithJSONDecoderOrDecline() throws {
        var rng = SplitMix64(seed: 11)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var fast = 0
        for _ in 0..<3_000 {
            var map: [String: Int] = [:]
            for _ in 0..<Int.random(in: 0...4, using: &rng) { map[Self.text(&rng)] = Int.random(in: -5...Int.max / 2, using: &rng) }
            let json = String(decoding: try encoder.encode(map), as: UTF8.self)
            let decoded = try JSONDecoder().decode([String: Int].self, from: Data(json.utf8))
            if let read = FlatJSON.counts(json) {
                #expect(read == decoded, "\(json)")
                fast += 1
            }
        }
        #expect(fast > 500, "the fast path serves the common shapes")
        #expect(FlatJSON.counts("{\"a\":1,\"a\":2}") == nil, "duplicate keys decline")
        #expect(FlatJSON.counts("{\"a\":1.5}") == nil && FlatJSON.counts("{\"a\":}") == nil && FlatJSON.counts("{a:1}") == nil)
        #expect(FlatJSON.counts("{\"a\":99999999999999999999999}") == nil, "overflow declines")
    }

    @Test func stringsAgreeWithJSONDecoderOrDecline() throws {
        var rng = SplitMix64(seed: 12)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var fast = 0
        for _ in 0..<3_000 {
            let list = (0..<Int.random(in: 0...4, using: &rng)).map { _ in Self.text(&rng) }
            let json = String(decoding: try encoder.encode(list), as: UTF8.self)
            let decoded = try JSONDecoder().decode([String].self, from: Data(json.utf8))
            if let read = FlatJSON.strings(json) {
                #expect(read == decoded, "\(json)")
                fast += 1
            }
        }
        #expect(fast > 500)
        #expect(FlatJSON.strings("[\"a\",]") == nil && FlatJSON.strings("[\"a\" \"b\"]") == nil && FlatJSON.strings("[1]") == nil)
    }

    @Test func writersProduceJSONThatDecodesToTheSameValue() throws {
        var rng = SplitMix64(seed: 13)
        for _ in 0..<3_000 {
            let list = (0..<Int.random(in: 0...4, using: &rng)).map { _ in Self.text(&rng) }
            var counts: [String: Int] = [:]
            var map: [String: String] = [:]
            for _ in 0..<Int.random(in: 0...4, using: &rng) {
                counts[Self.text(&rng)] = Int.random(in: Int.min / 2...Int.max / 2, using: &rng)
                map[Self.text(&rng)] = Self.text(&rng)
            }
            #expect(try JSONDecoder().decode([String].self, from: Data(FlatJSON.write(list).utf8)) == list)
            #expect(try JSONDecoder().decode([String: Int].self, from: Data(FlatJSON.write(counts).utf8)) == counts)
            #expect(try JSONDecoder().decode([String: String].self, from: Data(FlatJSON.write(map).utf8)) == map)
            #expect(FlatJSON.strings(FlatJSON.write(list)).map { $0 == list } ?? true, "read back what was written")
        }
        #expect(FlatJSON.write(["b": 2, "a": 1]) == "{\"a\":1,\"b\":2}", "sorted keys")
    }
}
