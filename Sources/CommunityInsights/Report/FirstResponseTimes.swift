/// C4 Time to first response (TTFR), in seconds.
///
/// INSIGHTS.md C4, Readings 8, 11. Undefined ratios are `nil` (JSON `null`), never 0; every field is always
/// encoded. Field-by-field definitions: `Documentation/Insights.md`.
public struct FirstResponseTimes: Sendable, Hashable, Encodable {
    /// `threads_with_response`: Threads created in the window (every kind) with a first response `fr`: the earliest reply, by (t, post id as bytes), whose author is not the thread's author and not a bot, not deleted by the evaluation time, with t > t0.
    public let threadsWithResponse: Int
    /// `median_seconds`: Median of t(fr) − t0 by nearest rank x[⌈n/2⌉].
    public let medianSeconds: Double?
    /// `p90_seconds`: 90th percentile by nearest rank x[⌈0.9·n⌉].
    public let p90Seconds: Double?
    /// `staff_responses`: Threads whose `fr` author was staff at the reply.
    public let staffResponses: Int
    /// `staff_median_seconds`: Median TTFR over staff first responses.
    public let staffMedianSeconds: Double?
    /// `staff_p90_seconds`: p90 TTFR over staff first responses.
    public let staffP90Seconds: Double?
    /// `peer_responses`: Threads whose `fr` author was not staff.
    public let peerResponses: Int
    /// `peer_median_seconds`: Median TTFR over peer first responses.
    public let peerMedianSeconds: Double?
    /// `peer_p90_seconds`: p90 TTFR over peer first responses.
    public let peerP90Seconds: Double?
    /// `answered_within_24h`: Over threads created in the window at least 24 h before the evaluation time, the share with t(fr) − t0 ≤ 24 h.
    public let answeredWithin24h: Double?
    /// `answered_within_24h_eligible`: Denominator of `answered_within_24h`.
    public let answeredWithin24hEligible: Int
    /// `kaplan_meier_median_seconds`: Kaplan–Meier median of TTFR over all threads created in the window, unanswered threads censored at evaluation time − t0; `null` if the survival curve never reaches 0.5.
    public let kaplanMeierMedianSeconds: Double?
    /// `health`: No health threshold in §5 (`healthy` is always `null`); for orientation, Stack Overflow's median first answer is 11 min.
    public let health: HealthAssessment

    enum CodingKeys: String, CodingKey {
        case threadsWithResponse = "threads_with_response"
        case medianSeconds = "median_seconds"
        case p90Seconds = "p90_seconds"
        case staffResponses = "staff_responses"
        case staffMedianSeconds = "staff_median_seconds"
        case staffP90Seconds = "staff_p90_seconds"
        case peerResponses = "peer_responses"
        case peerMedianSeconds = "peer_median_seconds"
        case peerP90Seconds = "peer_p90_seconds"
        case answeredWithin24h = "answered_within_24h"
        case answeredWithin24hEligible = "answered_within_24h_eligible"
        case kaplanMeierMedianSeconds = "kaplan_meier_median_seconds"
        case health = "health"
    }

    /// Encodes every field under its stable snake_case key, `null` included; times as RFC 3339 UTC.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(threadsWithResponse, forKey: .threadsWithResponse)
        try c.encode(medianSeconds, forKey: .medianSeconds)
        try c.encode(p90Seconds, forKey: .p90Seconds)
        try c.encode(staffResponses, forKey: .staffResponses)
        try c.encode(staffMedianSeconds, forKey: .staffMedianSeconds)
        try c.encode(staffP90Seconds, forKey: .staffP90Seconds)
        try c.encode(peerResponses, forKey: .peerResponses)
        try c.encode(peerMedianSeconds, forKey: .peerMedianSeconds)
        try c.encode(peerP90Seconds, forKey: .peerP90Seconds)
        try c.encode(answeredWithin24h, forKey: .answeredWithin24h)
        try c.encode(answeredWithin24hEligible, forKey: .answeredWithin24hEligible)
        try c.encode(kaplanMeierMedianSeconds, forKey: .kaplanMeierMedianSeconds)
        try c.encode(health, forKey: .health)
    }
}
