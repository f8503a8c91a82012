/// The parts of the report that need only the activity section's state and the table's member
/// ids: C1, C2, A3's tally of the reactions received and the order of the members by id.
///
/// Over a large table the activity section streams on a thread of its own and usually finishes
/// before the main section; that thread then computes these parts (``ActivitySection/reportParts(memberIDs:)``)
/// while the main section still streams, and the report takes them instead of computing them
/// again. They are the values the report would compute: the same state, the same functions.
struct ActivityReportParts: Sendable {
    /// C1.
    let stickiness: Stickiness
    /// C2.
    let dailyEngagedUsers: DailyEngagedUsers
    /// A3's counts of the reactions received.
    let reactions: ReactionTally
    /// The members who are not bots, in the byte order of their ids, each with its position
    /// among them (``EngineState/inIDOrder(_:_:_:)`` of the non-bots in index order).
    let humansByID: [(member: Int, position: Int)]
}

extension ActivitySection {
    /// The report parts this section's state decides, for members named `memberIDs` (the
    /// table's, in index order).
    func reportParts(memberIDs: [String]) -> ActivityReportParts {
        // Bot status comes from `member` lines, as the main section's does.
        let humans = (0..<min(memberCount, memberIDs.count)).filter { !members[$0].bot }
        return ActivityReportParts(
            stickiness: stickiness(), dailyEngagedUsers: dailyEngagedUsers(),
            reactions: recentReactions.tally(members: memberCount, hold: championHold),
            humansByID: EngineState.inIDOrder(humans, memberIDs, memberIDs.map(ByteOrder.prefix)))
    }
}
