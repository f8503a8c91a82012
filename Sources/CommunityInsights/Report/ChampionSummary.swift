/// A3 Champions and emerging champions at the evaluation time.
///
/// INSIGHTS.md A3. Undefined ratios are `nil` (JSON `null`), never 0; every field is always
/// encoded. Field-by-field definitions: `Documentation/Insights.md`.
public struct ChampionSummary: Sendable, Hashable, Encodable {
    /// `champions`: Members meeting all four criteria on any of the last 14 daily evaluations (the status is held 14 days). Each evaluation day d looks at the trailing 100 days (d − 100 d, d]: non-staff at E, not a bot, member for ≥ 30 days at d, and (1) Presence ≥ 30 active days in the last 90; (2) Helps: replied in ≥ 10 distinct threads started by others and (≥ 3 first responses to newcomer threads — author joined ≤ 30 days before t0 — or ≥ 3 accepted answers), or the debate-driver path: ≥ 2 threads started that drew ≥ 5 distinct participants other than the author; (3) Recognised: ≥ 20 reactions received from ≥ 10 distinct members; (4) Clean: ≤ 5 of their posts flagged or hidden (deleted by someone else).
    public let champions: Int
    /// `emerging`: Members meeting 3 of the 4 criteria on any of the last 14 evaluations and not champions.
    public let emerging: Int
    /// `engaged_mau`: Non-staff, non-bot members with a reaction, thread or reply in the 30 days ending at E.
    public let engagedMau: Int
    /// `champion_share`: `champions` ÷ `engaged_mau`.
    public let championShare: Double?
    /// `champion_members`: Champion member ids, sorted.
    public let championMembers: [String]
    /// `emerging_members`: Emerging member ids, sorted.
    public let emergingMembers: [String]

    enum CodingKeys: String, CodingKey {
        case champions = "champions"
        case emerging = "emerging"
        case engagedMau = "engaged_mau"
        case championShare = "champion_share"
        case championMembers = "champion_members"
        case emergingMembers = "emerging_members"
    }

    /// Encodes every field under its stable snake_case key, `null` included; times as RFC 3339 UTC.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(champions, forKey: .champions)
        try c.encode(emerging, forKey: .emerging)
        try c.encode(engagedMau, forKey: .engagedMau)
        try c.encode(championShare, forKey: .championShare)
        try c.encode(championMembers, forKey: .championMembers)
        try c.encode(emergingMembers, forKey: .emergingMembers)
    }
}
