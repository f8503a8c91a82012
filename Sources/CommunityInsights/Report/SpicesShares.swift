/// Shares of engagement weight per SPICES letter (they sum to 1 when defined).
///
/// INSIGHTS.md §4. Undefined ratios are `nil` (JSON `null`), never 0; every field is always
/// encoded. Field-by-field definitions: `Documentation/Insights.md`.
public struct SpicesShares: Sendable, Hashable, Encodable {
    /// `support`: **S**upport: question threads and their replies and reactions, accepted answers, views of threads solved at view time.
    public let support: Double?
    /// `product`: **P**roduct: activity in `idea`/`ideas`/`feedback`/`bug`/`bugs` spaces or tags (a reaction is a vote).
    public let product: Double?
    /// `insight`: **I**nsight: RSVPs/attendance of events whose id contains `research`, `beta` or `interview`; threads tagged `insight`.
    public let insight: Double?
    /// `content`: **C**ontent: threads tagged `guide`/`tutorial` (and their views); views of resources whose id contains `guide`/`tutorial`.
    public let content: Double?
    /// `engagement`: **E**ngagement: everything else (social, beyond tags, community events).
    public let engagement: Double?
    /// `success`: **S**uccess: `learning`/`onboarding` spaces, tags and resources; events whose id contains `training`, `learning` or `onboarding`.
    public let success: Double?
    /// `acquisition`: **A** (SPACES form): only through `InsightsConfiguration.spicesMap`; the format has no referrals or invites.
    public let acquisition: Double?

    /// Creates shares; all `nil` (no engagement) by default.
    public init(
        support: Double? = nil, product: Double? = nil, insight: Double? = nil, content: Double? = nil,
        engagement: Double? = nil, success: Double? = nil, acquisition: Double? = nil
    ) {
        self.support = support
        self.product = product
        self.insight = insight
        self.content = content
        self.engagement = engagement
        self.success = success
        self.acquisition = acquisition
    }

    enum CodingKeys: String, CodingKey {
        case support = "support"
        case product = "product"
        case insight = "insight"
        case content = "content"
        case engagement = "engagement"
        case success = "success"
        case acquisition = "acquisition"
    }

    /// Encodes every field under its stable snake_case key, `null` included; times as RFC 3339 UTC.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(support, forKey: .support)
        try c.encode(product, forKey: .product)
        try c.encode(insight, forKey: .insight)
        try c.encode(content, forKey: .content)
        try c.encode(engagement, forKey: .engagement)
        try c.encode(success, forKey: .success)
        try c.encode(acquisition, forKey: .acquisition)
    }
}
