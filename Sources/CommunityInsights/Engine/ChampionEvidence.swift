/// What A3 counts per member and evaluation day before it looks at any member: the threads of
/// others each member replied in, the distinct members who reacted to them, the debates their
/// threads became and the flags on their posts. It needs neither the first responses nor the
/// accepted answers, so the report computes it from the start, beside the other sections.
struct ChampionEvidence: Sendable {
    /// The evaluation days (offset k = days before E, k < `hold`) a status is reached on.
    let hold: Int
    /// Threads started by others that `m` replied in (undeleted replies) within the window of
    /// day k: `helpedThreads[m * hold + k]`.
    let helpedThreads: [Int32]
    /// The reactions `m` received per day and the distinct members who reacted to them within
    /// the window of day k.
    let reactions: ReactionTally
    /// Per thread author: the offsets of their threads with 5 or more participants.
    let debateOffsets: [Int: [Int]]
    /// Per post author: their posts flagged or hidden by someone else, with the day offset.
    let flagged: [Int: [(post: Int, offset: Int)]]
}
