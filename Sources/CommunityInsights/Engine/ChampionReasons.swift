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
        let first: String
        if let cached = presence[days] {
            first = cached
        } else {
            first = "\(Self.mark(c1)): presence, \(days) active days in the last 90 (needs \(presenceDays))"
            presence[days] = first
        }
        // The debate count shows only when the help path failed, so it is part of the key only then.
        let helpKey = SIMD4(helped, newcomer, accepted, helps ? -1 : debates)
        let second: String
        if let cached = self.helps[helpKey] {
            second = cached
        } else {
            second = "\(Self.mark(c2)): helps, replied in \(helped) threads of others (needs 10) with \(newcomer) first responses to newcomers and \(accepted) accepted answers (needs 3 of either)"
                + (helps ? "" : "; debate driver: \(debates) threads with 5+ participants (needs 2)")
            self.helps[helpKey] = second
        }
        let third: String
        if let cached = recognised[SIMD2(reactions, distinct)] {
            third = cached
        } else {
            third = "\(Self.mark(c3)): recognised, \(reactions) reactions from \(distinct) members in 100 days (needs 20 from 10)"
            recognised[SIMD2(reactions, distinct)] = third
        }
        let fourth: String
        if let cached = clean[flags] {
            fourth = cached
        } else {
            fourth = "\(Self.mark(c4)): clean, \(flags) posts flagged or hidden in 100 days (at most 5)"
            clean[flags] = fourth
        }
        return [first, second, third, fourth]
    }
}
