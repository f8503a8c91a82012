/// The A3 reasons of a member at E (`MemberInsight.championReasons`), formatted once per
/// distinct set of figures: most members share their figures (no activity in 90 days, no
/// reactions, no flags), and formatting four sentences for each of 200,000 members was a large
/// share of the report. The text is exactly the one formatted per member.
struct ChampionReasons {
    let presenceDays: Int
    private var presence: [Int: String] = [:]
    private var helps: [SIMD4<Int>: String] = [:]
    private var recognised: [SIMD2<Int>: String] = [:]
    private var clean: [Int: String] = [:]

    init(presenceDays: Int) {
        self.presenceDays = presenceDays
    }

    private static func mark(_ ok: Bool) -> String { ok ? "met" : "missed" }

    /// The text cached for `key`, else `format()` (cached for the next member with that key).
    private static func formatted<Key: Hashable>(_ key: Key, in cache: inout [Key: String], _ format: () -> String) -> String {
        if let cached = cache[key] { return cached }
        let text = format()
        cache[key] = text
        return text
    }

    /// The four criteria at E with the member's figures, each `met: …` or `missed: …`.
    mutating func reasons(
        presence days: Int, helped: Int, newcomer: Int, accepted: Int, debates: Int, reactions: Int, distinct: Int,
        flags: Int
    ) -> [String] {
        let c1 = days >= presenceDays
        let helps = helped >= 10 && (newcomer >= 3 || accepted >= 3)
        let c2 = helps || debates >= 2
        let c3 = reactions >= 20 && distinct >= 10
        let c4 = flags <= 5
        let presenceDays = presenceDays
        let first = Self.formatted(days, in: &presence) {
            "\(Self.mark(c1)): presence, \(days) active days in the last 90 (needs \(presenceDays))"
        }
        // The debate count shows only when the help path failed, so it is part of the key only then.
        let second = Self.formatted(SIMD4(helped, newcomer, accepted, helps ? -1 : debates), in: &self.helps) {
            "\(Self.mark(c2)): helps, replied in \(helped) threads of others (needs 10) with \(newcomer) first responses to newcomers and \(accepted) accepted answers (needs 3 of either)"
                + (helps ? "" : "; debate driver: \(debates) threads with 5+ participants (needs 2)")
        }
        let third = Self.formatted(SIMD2(reactions, distinct), in: &recognised) {
            "\(Self.mark(c3)): recognised, \(reactions) reactions from \(distinct) members in 100 days (needs 20 from 10)"
        }
        let fourth = Self.formatted(flags, in: &clean) {
            "\(Self.mark(c4)): clean, \(flags) posts flagged or hidden in 100 days (at most 5)"
        }
        return [first, second, third, fourth]
    }
}
