/// The live-session records of the in-memory backend.
final class MemoryLiveState {
    typealias OccurrenceKey = MemoryEventState.OccurrenceKey

    struct VoteKey<ID: Hashable>: Hashable {
        var id: ID
        var member: MemberID
    }

    var states: [OccurrenceKey: OccurrenceLiveState] = [:]
    var sessions: [OccurrenceKey: [MemberID: [AttendanceSession]]] = [:]
    var questions: [LiveQuestionID: LiveQuestion] = [:]
    var questionsByOccurrence: [OccurrenceKey: SortedKeys<LiveQuestionID>] = [:]
    var upvotes: Set<VoteKey<LiveQuestionID>> = []
    var polls: [PollID: Poll] = [:]
    var pollsByOccurrence: [OccurrenceKey: SortedKeys<PollID>] = [:]
    var choices: [VoteKey<PollID>: [Int]] = [:]
}
