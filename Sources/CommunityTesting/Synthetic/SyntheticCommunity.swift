public import CommunityInsights

/// A generated activity log and the manifest of the parameters it was drawn from.
///
/// ```swift
/// var configuration = SyntheticCommunityGenerator.Configuration()
/// configuration.events = 100_000
/// let community = try SyntheticCommunityGenerator(configuration: configuration).generate()
/// let report = try InsightsReport.compute(from: community.log)
/// ```
public struct SyntheticCommunity: Sendable {
    /// The records, sorted by (t, event id); line numbers are positions in that order.
    public let log: ActivityLog
    /// The true parameters.
    public let manifest: SyntheticManifest
}
