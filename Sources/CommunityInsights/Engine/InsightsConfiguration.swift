public import Foundation

/// Tunables of the insights computation. The defaults are INSIGHTS.md's normative values.
///
/// ```swift
/// var configuration = InsightsConfiguration()
/// configuration.championPresenceDays = 50   // TL3-strict presence
/// ```
public struct InsightsConfiguration: Sendable, Hashable {
    /// C5 grace period: threads younger than this at evaluation time are left out (24 h).
    public var gracePeriod: TimeInterval = 86_400
    /// C5 *unsolved*: questions are judged once this old (7 days).
    public var unsolvedAge: TimeInterval = 7 * 86_400
    /// C6 activation: a joiner is activated by a post within this delay of joining (30 days).
    public var activationDelay: TimeInterval = 30 * 86_400
    /// A3 presence: active days required in the last 90 days (30; TL3 would be 50 of 100).
    public var championPresenceDays: Int = 30
    /// A3: days a champion or emerging status is held once reached (14, TL3 `promotion_min_duration`).
    public var championHoldDays: Int = 14
    /// A3/§3: a newcomer thread is one whose author joined at most this long before `t0` (30 days).
    public var newcomerAge: TimeInterval = 30 * 86_400

    /// C7 at-risk: a top-quartile member is at risk after this many days without activity
    /// (INSIGHTS.md: 7–28; values outside are clamped).
    public var atRiskQuietDays: Int = 14
    /// §4: letters by space, tag, event id or resource id, applied before the default rules.
    /// A key maps to every letter its activity contributes to (1/k of the weight each).
    public var spicesMap: [String: Set<SpicesLetter>] = [:]

    /// Creates the default configuration.
    public init() {}
}
