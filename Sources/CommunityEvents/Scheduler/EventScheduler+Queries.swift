public import CommunityCore
public import Foundation

extension EventScheduler {
    /// The occurrences in `[from, to)` of the events the viewer may see — of one space, or of the
    /// whole community — ascending by start (at most `limit`); moved occurrences at their new
    /// start, cancelled ones left out.
    ///
    /// Cost: one pass over the community's events and their occurrences in the window.
    /// - Throws: `invalidInput` (empty window, limit), `forbidden`/`notFound` (space).
    public func calendar(in community: CommunityID, space: SpaceID? = nil, from: Date, to: Date, limit: Int = 500,
                         by viewer: Principal) async throws -> [ScheduledOccurrence] {
        try Validate.limit(limit, max: 5000)
        guard from < to else { throw CommunityError.invalidInput("the window must end after it starts", field: "to") }
        return try await read { tx in
            if let space {
                try await tx.authorize(.read, by: viewer, space: space, in: community, policy: environment.policy, at: now)
            }
            var result: [ScheduledOccurrence] = []
            for event in try await visibleEvents(in: community, by: viewer, tx: tx) where space == nil || event.spaceID == space {
                guard event.status != .cancelled else { continue }
                let overrides = try await overrides(of: event.id, tx: tx)
                guard let occurrences = try? Self.expand(event, overrides: overrides, from: from, to: to, includeCancelled: false) else { continue }
                result += occurrences.map { ScheduledOccurrence(event: event, occurrence: $0) }
            }
            return Array(result.sorted { ($0.occurrence.start, $0.event.id) < ($1.occurrence.start, $1.event.id) }.prefix(limit))
        }
    }

    /// The next occurrences (not yet started) of every event the member can see, across the
    /// spaces they can read, soonest first — with the member's own answer where they gave one.
    /// - Parameters:
    ///   - horizon: How far ahead to look (at most a year).
    ///   - limit: The most occurrences to return (1–200).
    public func upcoming(for member: MemberID, in community: CommunityID, within horizon: TimeInterval = 90 * 86_400,
                         limit: Int = 20) async throws -> [ScheduledOccurrence] {
        try Validate.limit(limit)
        guard (3600...(366 * 86_400)).contains(horizon) else {
            throw CommunityError.invalidInput("the horizon must be between 1 hour and a year", field: "horizon")
        }
        let start = now
        var upcoming = try await calendar(in: community, from: start.addingTimeInterval(0.001), to: start.addingTimeInterval(horizon),
                                          limit: 5000, by: .member(member))
        upcoming = Array(upcoming.prefix(limit))
        return try await read { tx in
            var result: [ScheduledOccurrence] = []
            for var item in upcoming {
                item.myResponse = try await tx.rsvp(to: item.event.id, occurrence: item.occurrence.key, of: member)
                result.append(item)
            }
            return result
        }
    }

    /// Every event of the community the viewer may see (its space readable, or community-wide).
    func visibleEvents(in community: CommunityID, by viewer: Principal, tx: any EventReadTransaction) async throws -> [CommunityEvent] {
        let acting = try await tx.acting(viewer, in: community, at: now)
        var readable: [SpaceID: Bool] = [:]
        var result: [CommunityEvent] = []
        var cursor: EventID?
        while true {
            let events = try await tx.events(in: community, after: cursor, limit: 200)
            for event in events {
                guard let space = event.spaceID, let member = acting.member else { result.append(event); continue }
                if readable[space] == nil {
                    let record = try await tx.space(space, in: community)
                    let membership = try await tx.membership(of: member.id, in: space)
                    let role = environment.policy.effectiveRole(communityRole: member.role, membership: membership)
                    readable[space] = record.map {
                        environment.policy.allows(.read, in: $0.visibility, role: role, isSpaceMember: membership != nil, status: acting.status)
                    } ?? false
                }
                if readable[space] == true { result.append(event) }
            }
            guard events.count == 200, let last = events.last else { return result }
            cursor = last.id
        }
    }
}
