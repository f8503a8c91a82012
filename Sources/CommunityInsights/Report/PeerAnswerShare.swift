/// A1 Peer answer share (PAS) and its companions.
///
/// INSIGHTS.md A1. Undefined ratios are `nil` (JSON `null`), never 0; every field is always
/// encoded. Field-by-field definitions: `Documentation/Insights.md`.
public struct PeerAnswerShare: Sendable, Hashable, Encodable {
    /// `pas`: Q = question threads created in the window that have a first response `fr` (§0, Reading 8) by the evaluation time; `pas` = share of Q whose `fr` author was not staff at the time of the reply. All askers (Reading 3).
    public let pas: Double?
    /// `pas_member_asked`: `pas` over questions asked by non-staff, non-bot members (Reading 3).
    public let pasMemberAsked: Double?
    /// `pas_staff_asked`: `pas` over questions asked by staff (staff at posting time, not bots) (Reading 3).
    public let pasStaffAsked: Double?
    /// `questions_with_response`: |Q|, the denominator of `pas`.
    public let questionsWithResponse: Int
    /// `peer_before_staff`: Over questions in the window with both a peer and a staff response (same eligibility as `fr`: not the asker, not a bot, not deleted, t > t0), the share where the first peer reply precedes the first staff reply in (t, post id) order.
    public let peerBeforeStaff: Double?
    /// `peer_before_staff_threads`: Denominator of `peer_before_staff`.
    public let peerBeforeStaffThreads: Int
    /// `peer_accepted_share`: Threads of any kind created in the window with an accepted answer (last accept wins, deleted answers still count, Reading 9); self-solved (answer author = thread author) excluded from both sides; share whose answer author was neither staff at posting time nor a bot.
    public let peerAcceptedShare: Double?
    /// `accepted_answers`: Denominator of `peer_accepted_share` (self-solved excluded).
    public let acceptedAnswers: Int
    /// `self_solved`: Accepted answers written by the thread's author (excluded above).
    public let selfSolved: Int
    /// `health`: `pas` ≥ 0.40 is healthy (inSided: 40–60% peer answers in mature communities, §5).
    public let health: HealthAssessment

    enum CodingKeys: String, CodingKey {
        case pas = "pas"
        case pasMemberAsked = "pas_member_asked"
        case pasStaffAsked = "pas_staff_asked"
        case questionsWithResponse = "questions_with_response"
        case peerBeforeStaff = "peer_before_staff"
        case peerBeforeStaffThreads = "peer_before_staff_threads"
        case peerAcceptedShare = "peer_accepted_share"
        case acceptedAnswers = "accepted_answers"
        case selfSolved = "self_solved"
        case health = "health"
    }

    /// Encodes every field under its stable snake_case key, `null` included; times as RFC 3339 UTC.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(pas, forKey: .pas)
        try c.encode(pasMemberAsked, forKey: .pasMemberAsked)
        try c.encode(pasStaffAsked, forKey: .pasStaffAsked)
        try c.encode(questionsWithResponse, forKey: .questionsWithResponse)
        try c.encode(peerBeforeStaff, forKey: .peerBeforeStaff)
        try c.encode(peerBeforeStaffThreads, forKey: .peerBeforeStaffThreads)
        try c.encode(peerAcceptedShare, forKey: .peerAcceptedShare)
        try c.encode(acceptedAnswers, forKey: .acceptedAnswers)
        try c.encode(selfSolved, forKey: .selfSolved)
        try c.encode(health, forKey: .health)
    }
}
