import CommunityCore
import CommunityEvents
import CommunityTesting
import Foundation
import Testing

@Suite struct LiveSessionsTests {
    static let key = "2026-01-05T18:00:00"

    struct World {
        let fixture: CommunityFixture
        let event: CommunityEvent
        let live: LiveSessions
        var community: CommunityID { fixture.community.id }
        var host: Principal { .member(fixture.owner.id) }
        func member(_ index: Int) -> Principal { .member(fixture.members[index].id) }

        static func make() async throws -> World {
            let fixture = try await CommunityFixture.make(members: 5, spaces: 1)
            let scheduler = EventScheduler(fixture.environment)
            var draft = EventDraft(title: "Q&A with the core team", start: LiveSessionsTests.key, timeZone: "UTC", duration: 3600, format: .qaSession)
            draft.spaceID = fixture.spaces[0].id
            let event = try await scheduler.createEvent(in: fixture.community.id, draft, by: .member(fixture.owner.id))
            for index in 0..<4 {
                try await scheduler.rsvp(to: event.id, occurrence: LiveSessionsTests.key, .going, in: fixture.community.id,
                                         by: .member(fixture.members[index].id))
            }
            fixture.clock.set(to: ISO8601DateFormatter().date(from: "2026-01-05T18:00:00Z")!)
            return World(fixture: fixture, event: event, live: LiveSessions(fixture.environment))
        }
    }

    @Test func attendanceGivesMinutesPerMemberAndTheNoShowRate() async throws {
        let w = try await World.make()
        await #expect(throws: CommunityError.self) { try await w.live.join(w.event.id, occurrence: Self.key, in: w.community, by: w.member(0)) }
        try await w.live.start(w.event.id, occurrence: Self.key, in: w.community, by: w.host)
        try await w.live.join(w.event.id, occurrence: Self.key, in: w.community, by: w.member(0))
        try await w.live.join(w.event.id, occurrence: Self.key, in: w.community, by: w.member(1))
        try await w.live.join(w.event.id, occurrence: Self.key, in: w.community, by: w.member(4))  // a walk-in
        w.fixture.clock.advance(by: 600)
        try await w.live.leave(w.event.id, occurrence: Self.key, in: w.community, by: w.member(0))
        w.fixture.clock.advance(by: 600)
        try await w.live.join(w.event.id, occurrence: Self.key, in: w.community, by: w.member(0))  // a second session
        w.fixture.clock.advance(by: 300)
        try await w.live.end(w.event.id, occurrence: Self.key, in: w.community, by: w.host)
        let report = try await w.live.attendance(of: w.event.id, occurrence: Self.key, in: w.community, by: w.host)
        #expect(report.minutes[w.fixture.members[0].id] == 15, "10 + 5 minutes over two sessions")
        #expect(report.minutes[w.fixture.members[1].id] == 25, "checked out when the hosts ended it")
        #expect(report.confirmed == 4 && report.confirmedAttendees == 2 && report.walkIns == 1)
        #expect(report.noShowRate == 0.5)
        let event = try await EventScheduler(w.fixture.environment).event(w.event.id, in: w.community, by: w.host)
        #expect(event.status == .ended)
        await #expect(throws: CommunityError.self) { try await w.live.join(w.event.id, occurrence: Self.key, in: w.community, by: w.member(2)) }
    }

    @Test func questionsAreAskedByAttendeesUpvotedOnceAndSortedByVotes() async throws {
        let w = try await World.make()
        try await w.live.start(w.event.id, occurrence: Self.key, in: w.community, by: w.host)
        for index in 0..<3 { try await w.live.join(w.event.id, occurrence: Self.key, in: w.community, by: w.member(index)) }
        await #expect(throws: CommunityError.self) {
            try await w.live.ask("Not here", event: w.event.id, occurrence: Self.key, in: w.community, by: w.member(3))
        }
        let first = try await w.live.ask("Roadmap?", event: w.event.id, occurrence: Self.key, in: w.community, by: w.member(0))
        w.fixture.clock.advance(by: 1)
        let second = try await w.live.ask("Pricing?", event: w.event.id, occurrence: Self.key, in: w.community, by: w.member(1))
        try await w.live.upvote(second.id, in: w.community, by: w.member(0))
        try await w.live.upvote(second.id, in: w.community, by: w.member(0))
        try await w.live.upvote(second.id, in: w.community, by: w.member(2))
        var listed = try await w.live.questions(of: w.event.id, occurrence: Self.key, in: w.community, by: w.member(3))
        #expect(listed.map(\.id) == [second.id, first.id] && listed[0].votes == 2, "by votes, one per member")
        await #expect(throws: CommunityError.self) { try await w.live.markAnswered(second.id, in: w.community, by: w.member(0)) }
        try await w.live.markAnswered(second.id, in: w.community, by: w.host)
        listed = try await w.live.questions(of: w.event.id, occurrence: Self.key, in: w.community, by: w.member(3))
        #expect(listed.map(\.id) == [first.id, second.id], "answered questions go last")
    }

    @Test func pollsTakeOneVotePerMemberAndReportResults() async throws {
        let w = try await World.make()
        try await w.live.start(w.event.id, occurrence: Self.key, in: w.community, by: w.host)
        for index in 0..<3 { try await w.live.join(w.event.id, occurrence: Self.key, in: w.community, by: w.member(index)) }
        let single = try await w.live.createPoll("Best day?", options: ["Tue", "Thu"], event: w.event.id, occurrence: Self.key, in: w.community, by: w.host)
        let multi = try await w.live.createPoll("Topics?", options: ["Swift", "NIO", "Postgres"], multipleChoice: true,
                                                event: w.event.id, occurrence: Self.key, in: w.community, by: w.host)
        try await w.live.vote(single.id, choices: [1], in: w.community, by: w.member(0))
        try await w.live.vote(single.id, choices: [1], in: w.community, by: w.member(1))
        await #expect(throws: CommunityError.self) { try await w.live.vote(single.id, choices: [0], in: w.community, by: w.member(0)) }
        await #expect(throws: CommunityError.self) { try await w.live.vote(single.id, choices: [0, 1], in: w.community, by: w.member(2)) }
        await #expect(throws: CommunityError.self) { try await w.live.vote(multi.id, choices: [3], in: w.community, by: w.member(2)) }
        try await w.live.vote(multi.id, choices: [0, 2], in: w.community, by: w.member(2))
        try await w.live.closePoll(single.id, in: w.community, by: w.host)
        await #expect(throws: CommunityError.self) { try await w.live.vote(single.id, choices: [0], in: w.community, by: w.member(2)) }
        let results = try await w.live.poll(single.id, in: w.community, by: w.member(3))
        #expect(results.counts == [0, 2] && results.voters == 2)
        #expect(try await w.live.poll(multi.id, in: w.community, by: w.member(3)).counts == [1, 0, 1])
        await #expect(throws: CommunityError.self) {
            try await w.live.createPoll("Dup?", options: ["A", "A"], event: w.event.id, occurrence: Self.key, in: w.community, by: w.host)
        }
    }
}
