public import CommunityCore
import Foundation

extension LiveSessions {
    // MARK: Questions

    /// An attendee (a member who joined the occurrence) asks a question.
    /// - Throws: `invalidInput` (empty, over 500 characters), `forbidden` (not live, never joined), `notFound`.
    @discardableResult
    public func ask(_ text: String, event: EventID, occurrence: String, in community: CommunityID, by actor: Principal) async throws -> LiveQuestion {
        let member = try requireMember(actor)
        let text = try Validate.name(text, field: "text", max: 500)
        return try await write { tx in
            let record = try await attendableEvent(event, occurrence: occurrence, in: community, by: actor, tx: tx)
            guard try await !tx.attendanceSessions(of: event, occurrence: occurrence, member: member).isEmpty else {
                throw CommunityError.forbidden("only attendees ask questions: join the session first")
            }
            let question = LiveQuestion(id: environment.ids.next(at: now), communityID: community, eventID: event, occurrence: occurrence,
                                        askedBy: member, text: text, createdAt: now)
            try await tx.upsert(question)
            try await log(.liveQuestionAsked, record, occurrence, by: actor, tx: tx, subject: SubjectRef("live_question", question.id))
            return question
        }
    }

    /// Upvotes a question (once per member; a second upvote changes nothing).
    @discardableResult
    public func upvote(_ id: LiveQuestionID, in community: CommunityID, by actor: Principal) async throws -> LiveQuestion {
        let member = try requireMember(actor)
        return try await write { tx in
            var question = try await requireQuestion(id, in: community, tx: tx)
            let record = try await attendableEvent(question.eventID, occurrence: question.occurrence, in: community, by: actor, tx: tx)
            guard try await !tx.hasUpvoted(id, member: member) else { return question }
            try await tx.insertUpvote(id, member: member)
            question.votes += 1
            try await tx.upsert(question)
            try await log(.liveQuestionUpvoted, record, question.occurrence, by: actor, tx: tx, subject: SubjectRef("live_question", id))
            return question
        }
    }

    /// Marks a question answered (hosts and moderators).
    @discardableResult
    public func markAnswered(_ id: LiveQuestionID, in community: CommunityID, by actor: Principal) async throws -> LiveQuestion {
        try await write { tx in
            var question = try await requireQuestion(id, in: community, tx: tx)
            let record = try await scheduler.manageableEvent(question.eventID, in: community, by: actor, tx: tx)
            guard question.answeredAt == nil else { return question }
            question.answeredAt = now
            try await tx.upsert(question)
            try await log(.liveQuestionAnswered, record, question.occurrence, by: actor, tx: tx, subject: SubjectRef("live_question", id))
            return question
        }
    }

    /// The questions of an occurrence: open ones first, most upvoted first, then oldest first.
    public func questions(of event: EventID, occurrence: String, in community: CommunityID, by viewer: Principal) async throws -> [LiveQuestion] {
        try await read { tx in
            _ = try await scheduler.visibleEvent(event, in: community, by: viewer, tx: tx)
            return try await tx.liveQuestions(of: event, occurrence: occurrence).sorted {
                ($0.answeredAt == nil ? 0 : 1, -$0.votes, $0.createdAt, $0.id) < ($1.answeredAt == nil ? 0 : 1, -$1.votes, $1.createdAt, $1.id)
            }
        }
    }

    // MARK: Polls

    /// Opens a poll (hosts and moderators) during a live occurrence.
    /// - Parameters:
    ///   - options: 2–10 distinct options of 1–100 characters.
    ///   - multipleChoice: Whether a member may pick several.
    @discardableResult
    public func createPoll(_ question: String, options: [String], multipleChoice: Bool = false, event: EventID, occurrence: String,
                           in community: CommunityID, by actor: Principal) async throws -> Poll {
        let question = try Validate.name(question, field: "question", max: 300)
        guard (2...10).contains(options.count) else { throw CommunityError.invalidInput("a poll has 2 to 10 options", field: "options") }
        let options = try options.map { try Validate.name($0, field: "options", max: 100) }
        guard Set(options).count == options.count else { throw CommunityError.invalidInput("poll options must differ", field: "options") }
        return try await write { tx in
            let record = try await scheduler.manageableEvent(event, in: community, by: actor, tx: tx)
            guard try await tx.liveState(of: event, occurrence: occurrence)?.isLive == true else {
                throw CommunityError.forbidden("polls run during a live occurrence")
            }
            let poll = Poll(id: environment.ids.next(at: now), communityID: community, eventID: event, occurrence: occurrence,
                            question: question, options: options, multipleChoice: multipleChoice, createdAt: now)
            try await tx.upsert(poll)
            try await log(.pollCreated, record, occurrence, by: actor, tx: tx, subject: SubjectRef("poll", poll.id))
            return poll
        }
    }

    /// Votes in a poll: one vote per member, one option (or several distinct ones if the poll allows).
    /// - Throws: `invalidInput` (bad choices), `conflict` (already voted), `forbidden` (closed, not live), `notFound`.
    @discardableResult
    public func vote(_ id: PollID, choices: [Int], in community: CommunityID, by actor: Principal) async throws -> Poll {
        let member = try requireMember(actor)
        return try await write { tx in
            var poll = try await requirePoll(id, in: community, tx: tx)
            let record = try await attendableEvent(poll.eventID, occurrence: poll.occurrence, in: community, by: actor, tx: tx)
            guard poll.closedAt == nil else { throw CommunityError.forbidden("this poll is closed") }
            let unique = Set(choices)
            guard !choices.isEmpty, unique.count == choices.count, unique.allSatisfy({ poll.options.indices.contains($0) }),
                  poll.multipleChoice || choices.count == 1 else {
                throw CommunityError.invalidInput(
                    poll.multipleChoice ? "choose one or more distinct options 0…\(poll.options.count - 1)" : "choose exactly one option 0…\(poll.options.count - 1)",
                    field: "choices")
            }
            if try await tx.pollChoices(id, member: member) != nil {
                throw CommunityError.conflict("you already voted in this poll", field: "poll")
            }
            try await tx.insertPollChoices(id, member: member, choices: choices.sorted())
            for choice in choices { poll.counts[choice] += 1 }
            poll.voters += 1
            try await tx.upsert(poll)
            try await log(.pollVoted, record, poll.occurrence, by: actor, tx: tx, subject: SubjectRef("poll", id))
            return poll
        }
    }

    /// Closes a poll (hosts and moderators); its results stay readable.
    @discardableResult
    public func closePoll(_ id: PollID, in community: CommunityID, by actor: Principal) async throws -> Poll {
        try await write { tx in
            var poll = try await requirePoll(id, in: community, tx: tx)
            let record = try await scheduler.manageableEvent(poll.eventID, in: community, by: actor, tx: tx)
            guard poll.closedAt == nil else { return poll }
            poll.closedAt = now
            try await tx.upsert(poll)
            try await log(.pollClosed, record, poll.occurrence, by: actor, tx: tx, subject: SubjectRef("poll", id))
            return poll
        }
    }

    /// A poll with its results (counts per option and voters), for anyone who may see the event.
    public func poll(_ id: PollID, in community: CommunityID, by viewer: Principal) async throws -> Poll {
        try await read { tx in
            let poll = try await requirePoll(id, in: community, tx: tx)
            _ = try await scheduler.visibleEvent(poll.eventID, in: community, by: viewer, tx: tx)
            return poll
        }
    }

    // MARK: Lookups

    private func requireQuestion(_ id: LiveQuestionID, in community: CommunityID, tx: any LiveReadTransaction) async throws -> LiveQuestion {
        guard let question = try await tx.liveQuestion(id, in: community) else {
            throw CommunityError.notFound("no live question with id \(id) in this community", field: "question")
        }
        return question
    }

    private func requirePoll(_ id: PollID, in community: CommunityID, tx: any LiveReadTransaction) async throws -> Poll {
        guard let poll = try await tx.poll(id, in: community) else {
            throw CommunityError.notFound("no poll with id \(id) in this community", field: "poll")
        }
        return poll
    }
}
