@testable import CommunityInsights
import CommunityTesting
import Testing

/// `ByteOrder.precedes` is the UTF-8 byte order of Reading 8, on small, native and bridged-like
/// strings alike.
@Suite struct ByteOrderTests {
    @Test(arguments: [
        ("", "a", true), ("a", "", false), ("", "", false), ("a", "a", false), ("a", "ab", true), ("ab", "a", false),
        ("Z", "a", true), ("é", "z", false), ("z", "é", true), ("p10", "p9", true), ("東京", "東", false),
        ("a-very-long-identifier-beyond-fifteen-bytes-1", "a-very-long-identifier-beyond-fifteen-bytes-2", true),
    ])
    func ordersByBytes(a: String, b: String, expected: Bool) {
        #expect(ByteOrder.precedes(a, b) == expected)
        #expect(ByteOrder.precedes(a, b) == a.utf8.lexicographicallyPrecedes(b.utf8))
    }

    @Test func agreesWithUTF8ViewOnRandomStrings() {
        var random = SplitMix64(seed: 11)
        let alphabet: [Character] = ["a", "b", "Z", "0", "é", "ß", "東", "🚀", "-"]
        func word() -> String {
            String((0..<Int(random.next() % 24)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
        }
        for _ in 0..<2_000 {
            let a = word(), b = word()
            #expect(ByteOrder.precedes(a, b) == a.utf8.lexicographicallyPrecedes(b.utf8), "\(a) vs \(b)")
        }
    }

    @Test func prefixKeysOrderAsBytes() {
        let ids = ["", "a", "ab", "ab\u{0}", "ab\u{0}x", "abcdefgh", "abcdefghi", "abcdefgi", "é", "z", "m10099", "m9"]
        for a in ids {
            for b in ids {
                let keyed = ByteOrder.precedes(a, ByteOrder.prefix(a), b, ByteOrder.prefix(b))
                #expect(keyed == a.utf8.lexicographicallyPrecedes(b.utf8), "\(a) vs \(b)")
            }
        }
    }
}
