/// The true parameters behind a synthetic community (INSIGHTS.md §6): what the metrics should
/// recover. Encodes as JSON with snake_case keys.
///
/// *Design* values are the specification's; *true* values are the design applied to this
/// realization (quotas are exact, so e.g. ``pas`` is the share of peer first responders the
/// generator assigned) or, for ``top10PercentShare``, the expectation given the posting
/// propensities and join times actually drawn (a smaller community has a smaller top-10% share
/// than the 0.56 of the full-size one).
public struct SyntheticManifest: Sendable, Hashable, Encodable {
    /// The seed of the xoshiro256** stream.
    public let seed: UInt64
    /// Activity lines emitted (member, tag and activity lines).
    public let lines: Int
    /// Members, staff members and bots.
    public let members: Int
    /// Staff members (0.1%, at least 2).
    public let staff: Int
    /// Bots (5; they only view).
    public let bots: Int
    /// Members who can post (10% of regular members).
    public let posters: Int
    /// Threads, questions, replies, reactions, views, RSVPs, attendances and accepts emitted.
    public let threads: Int
    /// Question threads.
    public let questions: Int
    /// Replies.
    public let replies: Int
    /// Reactions.
    public let reactions: Int
    /// Views.
    public let views: Int
    /// RSVPs.
    public let rsvps: Int
    /// Attendances (RSVPed and walk-ins).
    public let attendances: Int
    /// Accepted answers.
    public let accepts: Int
    /// Design: posting propensity is rank-Zipf with this exponent (0.78).
    public let postingZipfExponent: Double
    /// Design: median first-response delay, seconds (2 h), LogNormal σ 1.5.
    public let ttfrMedianSeconds: Double
    /// Design: p90 of the first-response delay, `median · e^(1.2816·σ)` ≈ 13.7 h.
    public let ttfrP90Seconds: Double
    /// True PAS: answered questions whose first responder is a peer ÷ answered questions (0.65 by design).
    public let pas: Double
    /// True unanswered rate: threads given no reply ÷ threads (12% of questions, 18% of discussions).
    public let unansweredRate: Double
    /// Expected top-10% share of non-staff posts given the propensities and join times drawn.
    public let top10PercentShare: Double

    enum CodingKeys: String, CodingKey {
        case seed, lines, members, staff, bots, posters, threads, questions, replies, reactions, views, rsvps
        case attendances, accepts
        case postingZipfExponent = "posting_zipf_exponent"
        case ttfrMedianSeconds = "ttfr_median_seconds"
        case ttfrP90Seconds = "ttfr_p90_seconds"
        case pas
        case unansweredRate = "unanswered_rate"
        case top10PercentShare = "top_10_percent_share"
    }
}
