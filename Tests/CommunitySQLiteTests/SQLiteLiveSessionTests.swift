import CommunityCore
import CommunityEvents
import CommunitySQLite
import CommunityTesting
import Foundation
import Testing

/// Live sessions (attendance, questions, polls) on SQLite give exactly what they give in memory:
/// the same scenario runs on both stores (same clock, same ids) and every outcome is compared.
@Suite struct SQLiteLiveSessionTests {
    static let key = "2026-01-05T18:00:00"

    struct Outcome: Equatable {
        var report: AttendanceReport
        var questions: [LiveQuestion]
        var polls: [Poll]
        var sessions: [AttendanceSession]
        var secondUpvote: CommunityError.Code?
        var secondVote: CommunityError.Code?
        var storedUpvoteConflict: String?
        var storedChoicesConflict: String?
        var choices: [Int]?
        var foreignLookups: [Bool]
    }

    static func scenario(on store: any CommunityStore) async throws -> Outcome {
        let fixture = try await CommunityFixture.make(members: 5, spaces: 1, store: store)
        let community = fixture.community.id
        let host = Principal.member(fixture.owner.id)
        func member(_ index: Int) -> Principal { .member(fixture.members[index].id) }
        let scheduler = EventScheduler(fixture.environment)
        var draft = EventDraft(title: "Q&A with the core team", start: key, timeZone: "UTC", duration: 3600, format: .qaSession)
        draft.spaceID = fixture.spaces[0].id
        let event = try await scheduler.createEvent(in: community, draft, by: host)
        for index in 0..<4 { try await scheduler.rsvp(to: event.id, occurrence: key, .going, in: community, by: member(index)) }
        fixture.clock.set(to: Date(timeIntervalSince1970: 1_767_636_000))  // 2026-01-05T18:00:00Z
        let live = LiveSessions(fixture.environment)

        try await live.start(event.id, occurrence: key, in: community, by: host)
        for index in [0, 1, 4] { try await live.join(event.id, occurrence: key, in: community, by: member(index)) }
        fixture.clock.advance(by: 600)
        try await live.leave(event.id, occurrence: key, in: community, by: member(0))
        fixture.clock.advance(by: 600)
        try await live.join(event.id, occurrence: key, in: community, by: member(0))
        try await live.join(event.id, occurrence: key, in: community, by: member(2))

        let first = try await live.ask("Roadmap?", event: event.id, occurrence: key, in: community, by: member(0))
        fixture.clock.advance(by: 1)
        let second = try await live.ask("Pricing?", event: event.id, occurrence: key, in: community, by: member(1))
        try await live.upvote(second.id, in: community, by: member(0))
        try await live.upvote(second.id, in: community, by: member(2))
        var secondUpvote: CommunityError.Code?
        do { _ = try await live.upvote(second.id, in: community, by: member(2)) } catch let error as CommunityError { secondUpvote = error.code }
        try await live.markAnswered(first.id, in: community, by: host)

        let single = try await live.createPoll("Best day?", options: ["Tue", "Thu"], event: event.id, occurrence: key, in: community, by: host)
        let multi = try await live.createPoll("Topics?", options: ["Swift", "NIO", "Postgres"], multipleChoice: true,
                                              event: event.id, occurrence: key, in: community, by: host)
        try await live.vote(single.id, choices: [1], in: community, by: member(0))
        try await live.vote(multi.id, choices: [2, 0], in: community, by: member(1))
        var secondVote: CommunityError.Code?
        do { _ = try await live.vote(single.id, choices: [0], in: community, by: member(0)) } catch let error as CommunityError { secondVote = error.code }
        try await live.closePoll(single.id, in: community, by: host)
        fixture.clock.advance(by: 300)
        try await live.end(event.id, occurrence: key, in: community, by: host)

        // The storage contract directly: duplicate upvotes and votes, choices, community scoping.
        func conflictField(_ body: @escaping (any LiveWriteTransaction) async throws -> Void) async -> String? {
            do {
                try await store.write { tx in try await body(try #require(tx as? any LiveWriteTransaction)) }
                return nil
            } catch let error as CommunityError {
                return "\(error.code) \(error.field ?? "-")"
            } catch {
                return "\(error)"
            }
        }
        let memberZero = fixture.members[0].id
        let upvoteConflict = await conflictField { try await $0.insertUpvote(second.id, member: fixture.members[2].id) }
        let choicesConflict = await conflictField { try await $0.insertPollChoices(single.id, member: memberZero, choices: [0]) }
        let stored = try await store.read { tx in
            let live = try #require(tx as? any LiveReadTransaction)
            let foreign = CommunityID(high: 1, low: 1)
            return (
                try await live.pollChoices(multi.id, member: fixture.members[1].id),
                [try await live.liveQuestion(first.id, in: foreign) == nil, try await live.poll(single.id, in: foreign) == nil,
                 try await live.hasUpvoted(second.id, member: memberZero), try await live.hasUpvoted(first.id, member: memberZero)],
                try await live.attendanceSessions(of: event.id, occurrence: key),
                try await live.polls(of: event.id, occurrence: key)
            )
        }
        return Outcome(
            report: try await live.attendance(of: event.id, occurrence: key, in: community, by: host),
            questions: try await live.questions(of: event.id, occurrence: key, in: community, by: member(3)),
            polls: stored.3, sessions: stored.2, secondUpvote: secondUpvote, secondVote: secondVote,
            storedUpvoteConflict: upvoteConflict, storedChoicesConflict: choicesConflict, choices: stored.0, foreignLookups: stored.1)
    }

    @Test func liveSessionsMatchTheInMemoryReference() async throws {
        let folder = try TemporaryFolder()
        let sqlite = try await Self.scenario(on: try SQLiteCommunityStore(path: folder.path()))
        let memory = try await Self.scenario(on: InMemoryCommunityStore())
        #expect(sqlite == memory)
        #expect(sqlite.sessions.count == 5, "two sessions for the member who came back")
        #expect(sqlite.report.walkIns == 1 && sqlite.report.confirmedAttendees == 3)
        #expect(sqlite.questions.map(\.text) == ["Pricing?", "Roadmap?"] && sqlite.questions[0].votes == 2)
        #expect(sqlite.polls.map(\.counts) == [[0, 1], [1, 0, 1]] && sqlite.polls[0].closedAt != nil)
        #expect(sqlite.storedUpvoteConflict == "conflict question" && sqlite.storedChoicesConflict == "conflict poll")
        #expect(sqlite.choices == [0, 2] && sqlite.foreignLookups == [true, true, true, false])
    }
}
