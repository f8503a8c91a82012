public import CommunityCore
public import Foundation
import CommunityInsights

/// The deterministic synthetic community of INSIGHTS.md §6, scaled by ``Configuration/events``
/// (10 M by default; tests use 100 k). Seed → SplitMix64 → xoshiro256**; nothing reads the
/// system random generator, so equal configurations give byte-identical logs.
///
/// Shape (fractions of the event count, as in §6): views 69.5%, reactions 15%, replies ≈ 9%,
/// threads 2.5%, joins 2%, RSVPs 1%, attendances ≈ 0.6%, accepts ≈ 0.4%; 0.1% staff (≥ 2) and
/// 5 bots; joins at a linearly rising rate over 365 days; 10% of members post, rank-Zipf 0.78;
/// reactors (25% of members) Zipf 0.6, viewers (90%) Zipf 0.5; 40% questions, 10% staff threads,
/// 40 spaces (Zipf 1), 30 tags of which 12 product, 5% untagged, 25% beyond-only; 12% of
/// questions and 18% of discussions unanswered; replies per answered thread geometric with mean
/// 4.2; staff first responders 35% (questions) / 20% (discussions), 15% of replies by staff;
/// first response LogNormal(median 2 h, σ 1.5), later replies LogNormal(6 h, σ 1.8) after it;
/// 40% of questions accepted, the answer chosen ∝ propensity^1.5 among non-askers; reactions on
/// a thread ∝ 1 + its replies; 500 events, 55% of RSVPs attend, plus walk-ins; diurnal peak at
/// 14:00 UTC, weekends × 0.6; viewing lives Exponential(120 days), 20% never stop.
///
/// Simplifications (documented deviations): exact quotas replace Bernoulli draws for the
/// shares above (so the truth is exact at any scale); active lives bound views only; bots only
/// view; there are no role changes, deletions or flags.
public struct SyntheticCommunityGenerator: Sendable {
    /// Generator settings.
    public struct Configuration: Sendable, Hashable {
        /// The seed.
        public var seed: UInt64 = 1
        /// Approximate number of activity lines (≥ 10,000).
        public var events: Int = 10_000_000
        /// Start of the 365-day horizon.
        public var start = Date(timeIntervalSince1970: 1_735_689_600)  // 2025-01-01T00:00:00Z

        /// Creates the default configuration (seed 1, 10 M events, 2025).
        public init() {}
    }

    /// The settings in use.
    public let configuration: Configuration

    /// Creates a generator.
    /// - Parameter configuration: Seed, scale and start.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Generates the community.
    /// - Returns: The sorted log and its manifest.
    /// - Throws: ``CommunityError`` `invalidInput` (field `events`) below 10,000 events.
    public func generate() throws(CommunityError) -> SyntheticCommunity {
        guard configuration.events >= 10_000 else {
            throw CommunityError.invalidInput(
                "a synthetic community needs at least 10000 events to hold every kind of activity; got \(configuration.events)",
                field: "events")
        }
        var builder = SyntheticBuilder(configuration: configuration)
        return builder.build()
    }
}
