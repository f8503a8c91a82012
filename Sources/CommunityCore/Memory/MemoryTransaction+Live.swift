extension MemoryTransaction: LiveWriteTransaction {
    private var l: MemoryLiveState { state.live }

    func liveState(of event: EventID, occurrence: String) async throws -> OccurrenceLiveState? {
        l.states[.init(event: event, occurrence: occurrence)]
    }

    func attendanceSessions(of event: EventID, occurrence: String) async throws -> [AttendanceSession] {
        (l.sessions[.init(event: event, occurrence: occurrence)] ?? [:]).sorted { $0.key < $1.key }.flatMap(\.value)
    }

    func attendanceSessions(of event: EventID, occurrence: String, member: MemberID) async throws -> [AttendanceSession] {
        l.sessions[.init(event: event, occurrence: occurrence)]?[member] ?? []
    }

    func liveQuestion(_ id: LiveQuestionID, in community: CommunityID) async throws -> LiveQuestion? {
        guard let question = l.questions[id], question.communityID == community else { return nil }
        return question
    }

    func liveQuestions(of event: EventID, occurrence: String) async throws -> [LiveQuestion] {
        (l.questionsByOccurrence[.init(event: event, occurrence: occurrence)]?.keys ?? []).compactMap { l.questions[$0] }
    }

    func hasUpvoted(_ question: LiveQuestionID, member: MemberID) async throws -> Bool {
        l.upvotes.contains(.init(id: question, member: member))
    }

    func poll(_ id: PollID, in community: CommunityID) async throws -> Poll? {
        guard let poll = l.polls[id], poll.communityID == community else { return nil }
        return poll
    }

    func polls(of event: EventID, occurrence: String) async throws -> [Poll] {
        (l.pollsByOccurrence[.init(event: event, occurrence: occurrence)]?.keys ?? []).compactMap { l.polls[$0] }
    }

    func pollChoices(_ poll: PollID, member: MemberID) async throws -> [Int]? {
        l.choices[.init(id: poll, member: member)]
    }

    func upsert(_ live: OccurrenceLiveState) async throws {
        let key = MemoryLiveState.OccurrenceKey(event: live.eventID, occurrence: live.occurrence)
        let old = l.states[key]
        l.states[key] = live
        record { [l] in l.states[key] = old }
    }

    func upsert(_ session: AttendanceSession) async throws {
        let key = MemoryLiveState.OccurrenceKey(event: session.eventID, occurrence: session.occurrence)
        let old = l.sessions[key]?[session.memberID]
        var list = old ?? []
        if let index = list.firstIndex(where: { $0.number == session.number }) { list[index] = session } else { list.append(session) }
        list.sort { $0.number < $1.number }
        l.sessions[key, default: [:]][session.memberID] = list
        record { [l] in l.sessions[key]?[session.memberID] = old }
    }

    func upsert(_ question: LiveQuestion) async throws {
        let key = MemoryLiveState.OccurrenceKey(event: question.eventID, occurrence: question.occurrence)
        let old = l.questions[question.id]
        l.questions[question.id] = question
        l.questionsByOccurrence[key, default: SortedKeys()].insert(question.id)
        record { [l] in
            l.questions[question.id] = old
            if old == nil { l.questionsByOccurrence[key]?.remove(question.id) }
        }
    }

    func insertUpvote(_ question: LiveQuestionID, member: MemberID) async throws {
        guard l.upvotes.insert(.init(id: question, member: member)).inserted else {
            throw CommunityError.conflict("the member already upvoted this question", field: "question")
        }
        record { [l] in l.upvotes.remove(.init(id: question, member: member)) }
    }

    func upsert(_ poll: Poll) async throws {
        let key = MemoryLiveState.OccurrenceKey(event: poll.eventID, occurrence: poll.occurrence)
        let old = l.polls[poll.id]
        l.polls[poll.id] = poll
        l.pollsByOccurrence[key, default: SortedKeys()].insert(poll.id)
        record { [l] in
            l.polls[poll.id] = old
            if old == nil { l.pollsByOccurrence[key]?.remove(poll.id) }
        }
    }

    func insertPollChoices(_ poll: PollID, member: MemberID, choices: [Int]) async throws {
        let key = MemoryLiveState.VoteKey(id: poll, member: member)
        guard l.choices[key] == nil else { throw CommunityError.conflict("the member already voted in this poll", field: "poll") }
        l.choices[key] = choices
        record { [l] in l.choices[key] = nil }
    }
}
