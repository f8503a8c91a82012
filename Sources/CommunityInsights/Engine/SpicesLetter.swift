/// A letter of the SPICES model (INSIGHTS.md §4), plus the optional **A** of CMX's SPACES.
///
/// The article's SPICES puts Insight where CMX's SPACES has Acquisition and Content where it has
/// Contribution; both `S`s exist, so the cases are named, not lettered.
public enum SpicesLetter: String, Sendable, Hashable, CaseIterable, Codable {
    /// **S**upport: questions and their replies, accepted answers, views of solved threads.
    case support
    /// **P**roduct: activity in `idea`, `feedback` or `bug` spaces or tags (a reaction is a vote).
    case product
    /// **I**nsight: research/beta/interview events, the `insight` tag.
    case insight
    /// **C**ontent: threads tagged `guide`/`tutorial` and their views, guide resources.
    case content
    /// **E**ngagement: everything else.
    case engagement
    /// **S**uccess: `learning`/`onboarding` activity, training attendance.
    case success
    /// **A**cquisition (SPACES only): referrals and invites; the exchange format has none, so it is
    /// set only through ``InsightsConfiguration/spicesMap``.
    case acquisition
}
