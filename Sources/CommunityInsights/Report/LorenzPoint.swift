/// One vertex of the C8 participation (Lorenz) curve.
///
/// INSIGHTS.md C8. Field-by-field definitions: `Documentation/Insights.md`.
public struct LorenzPoint: Sendable, Hashable, Encodable {
    /// `contributor_share`: Share of contributors, the smallest first (x, 0…1).
    public let contributorShare: Double
    /// `post_share`: Share of posts written by them (y, 0…1).
    public let postShare: Double

    enum CodingKeys: String, CodingKey {
        case contributorShare = "contributor_share"
        case postShare = "post_share"
    }

    /// Encodes every field under its stable snake_case key.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(contributorShare, forKey: .contributorShare)
        try c.encode(postShare, forKey: .postShare)
    }
}
