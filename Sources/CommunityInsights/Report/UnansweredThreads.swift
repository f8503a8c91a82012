/// C5 Unanswered and unsolved rates.
///
/// INSIGHTS.md C5, Readings 11–12. Undefined ratios are `nil` (JSON `null`), never 0; every field is always
/// encoded. Field-by-field definitions: `Documentation/Insights.md`.
public struct UnansweredThreads: Sendable, Hashable, Encodable {
    /// `eligible_threads`: Threads created in the window (every kind, staff and bot threads included) with t0 ≤ evaluation time − grace (24 h; exactly 24 h old is in).
    public let eligibleThreads: Int
    /// `unanswered_threads`: Eligible threads with no `fr` by the evaluation time.
    public let unansweredThreads: Int
    /// `unanswered_rate`: `unanswered_threads` ÷ `eligible_threads`.
    public let unansweredRate: Double?
    /// `unanswered_at_24h`: Over threads at least 24 h old, the share with no `fr` within 24 h of t0.
    public let unansweredAt24h: Double?
    /// `eligible_at_24h`: Denominator of `unanswered_at_24h`.
    public let eligibleAt24h: Int
    /// `unanswered_at_7d`: Over threads at least 7 days old, the share with no `fr` within 7 days of t0.
    public let unansweredAt7d: Double?
    /// `eligible_at_7d`: Denominator of `unanswered_at_7d`.
    public let eligibleAt7d: Int
    /// `unsolved_rate`: Over questions created in the window at least 7 days old, the share with no accepted answer at the evaluation time.
    public let unsolvedRate: Double?
    /// `unsolved_eligible_questions`: Denominator of `unsolved_rate`.
    public let unsolvedEligibleQuestions: Int
    /// `health`: `unanswered_rate` ≤ 0.10 is healthy (Area 51 "excellent": ≥ 90% answered; Stack Overflow 92.6%, §5).
    public let health: HealthAssessment

    enum CodingKeys: String, CodingKey {
        case eligibleThreads = "eligible_threads"
        case unansweredThreads = "unanswered_threads"
        case unansweredRate = "unanswered_rate"
        case unansweredAt24h = "unanswered_at_24h"
        case eligibleAt24h = "eligible_at_24h"
        case unansweredAt7d = "unanswered_at_7d"
        case eligibleAt7d = "eligible_at_7d"
        case unsolvedRate = "unsolved_rate"
        case unsolvedEligibleQuestions = "unsolved_eligible_questions"
        case health = "health"
    }

    /// Encodes every field under its stable snake_case key, `null` included; times as RFC 3339 UTC.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(eligibleThreads, forKey: .eligibleThreads)
        try c.encode(unansweredThreads, forKey: .unansweredThreads)
        try c.encode(unansweredRate, forKey: .unansweredRate)
        try c.encode(unansweredAt24h, forKey: .unansweredAt24h)
        try c.encode(eligibleAt24h, forKey: .eligibleAt24h)
        try c.encode(unansweredAt7d, forKey: .unansweredAt7d)
        try c.encode(eligibleAt7d, forKey: .eligibleAt7d)
        try c.encode(unsolvedRate, forKey: .unsolvedRate)
        try c.encode(unsolvedEligibleQuestions, forKey: .unsolvedEligibleQuestions)
        try c.encode(health, forKey: .health)
    }
}
