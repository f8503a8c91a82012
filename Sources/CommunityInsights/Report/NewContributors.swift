/// C6 New contributors and activation.
///
/// INSIGHTS.md C6. Undefined ratios are `nil` (JSON `null`), never 0; every field is always
/// encoded. Field-by-field definitions: `Documentation/Insights.md`.
public struct NewContributors: Sendable, Hashable, Encodable {
    /// `new_contributors`: Members whose first post ever (thread or reply) was created in the window; bots and first posts made while staff excluded.
    public let newContributors: Int
    /// `joined`: Members whose `member` line is in the window (not staff at joining, not bots).
    public let joined: Int
    /// `activation_eligible`: Joined members whose 30-day activation period ended by the evaluation time (join + 30 d ≤ evaluation time); younger joiners are censored, never counted as not activated.
    public let activationEligible: Int
    /// `activated`: Eligible joiners whose first post came within 30 days of joining.
    public let activated: Int
    /// `activation_rate`: `activated` ÷ `activation_eligible`.
    public let activationRate: Double?

    enum CodingKeys: String, CodingKey {
        case newContributors = "new_contributors"
        case joined = "joined"
        case activationEligible = "activation_eligible"
        case activated = "activated"
        case activationRate = "activation_rate"
    }

    /// Encodes every field under its stable snake_case key, `null` included; times as RFC 3339 UTC.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(newContributors, forKey: .newContributors)
        try c.encode(joined, forKey: .joined)
        try c.encode(activationEligible, forKey: .activationEligible)
        try c.encode(activated, forKey: .activated)
        try c.encode(activationRate, forKey: .activationRate)
    }
}
