import Foundation

/// What the CRM record of a member needs beyond the engine state, computed by
/// `EngineState.memberAnalytics(_:concurrently:)`: values, so that the records can be built in two
/// halves on two threads.
struct MemberInsightInputs: Sendable {
    var love: [Double]
    var spices: [SIMD8<Double>]
    var acceptedAnswers: [Int]
    var peerFirstResponses: [Int]
    var status: [ChampionStatus?]
    /// C7 at-risk, by member.
    var atRisk: [Bool]
}
