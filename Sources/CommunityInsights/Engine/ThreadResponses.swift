/// The first responses of a thread (§0, Reading 8): the earliest undeleted candidate reply, and
/// the earliest written by staff and by a peer, as post ids (−1 = none).
///
/// The report reads them for C4, C5, A1, C3's first-post retention and §3; they are found in one
/// walk of the thread's candidate list (``EngineState/firstResponses(of:)``) for every thread
/// before the report's sections start, instead of a walk per question each section asked.
struct ThreadResponses: Sendable {
    /// The first response, −1 if none.
    var first: Int32 = -1
    /// The first response written by staff (at the reply), −1 if none.
    var firstByStaff: Int32 = -1
    /// The first response written by a peer, −1 if none.
    var firstByPeer: Int32 = -1

    /// The first response, `nil` if none.
    var response: Int? { first >= 0 ? Int(first) : nil }
    /// The first response by staff, `nil` if none.
    var staffResponse: Int? { firstByStaff >= 0 ? Int(firstByStaff) : nil }
    /// The first response by a peer, `nil` if none.
    var peerResponse: Int? { firstByPeer >= 0 ? Int(firstByPeer) : nil }
}
