public import CommunityCore
import Foundation

/// Running an occurrence live: hosts start and end it, members join and leave (attendance
/// sessions), attendees ask questions that others upvote, and hosts run polls.
///
/// ```swift
/// let live = LiveSessions(environment)
/// try await live.start(event.id, occurrence: key, in: community, by: .member(host))
/// try await live.join(event.id, occurrence: key, in: community, by: .member(ada))
/// let question = try await live.ask("Will the slides be shared?", event: event.id, occurrence: key, in: community, by: .member(ada))
/// try await live.upvote(question.id, in: community, by: .member(bob))
/// ```
///
/// The store must implement ``CommunityCore/LiveWriteTransaction``.
public struct LiveSessions: Sendable {
    /// The store, clock, ids and policy.
    public let environment: CommunityEnvironment

    /// Creates the service.
    public init(_ environment: CommunityEnvironment) {
        self.environment = environment
    }

    var now: Date { environment.clock.now }
    var scheduler: EventScheduler { EventScheduler(environment) }

    // MARK: Going live

    /// Starts an occurrence (its hosts, moderators of its space, or admins).
    /// - Throws: `conflict` if it is already live or ended, `invalidInput` (not an occurrence), `forbidden`, `notFound`.
    @discardableResult
    public func start(_ event: EventID, occurrence: String, in community: CommunityID, by actor: Principal) async throws -> OccurrenceLiveState {
        try await write { tx in
            let record = try await scheduler.manageableEvent(event, in: community, by: actor, tx: tx)
            let resolved = try EventScheduler.occurrence(occurrence, of: record, overrides: try await scheduler.overrides(of: event, tx: tx))
            guard !resolved.isCancelled else { throw CommunityError.forbidden("this occurrence is cancelled") }
            var state = try await tx.liveState(of: event, occurrence: occurrence) ?? OccurrenceLiveState(eventID: event, occurrence: occurrence)
            guard state.startedAt == nil else { throw CommunityError.conflict("this occurrence was already started", field: "occurrence") }
            state.startedAt = now
            try await tx.upsert(state)
            try await setStatus(.live, of: record, tx: tx)
            try await log(.liveStarted, record, occurrence, by: actor, tx: tx)
            return state
        }
    }

    /// Ends a live occurrence; attendees still present are checked out at this instant.
    /// - Throws: `conflict` if it is not live, `forbidden`, `notFound`.
    @discardableResult
    public func end(_ event: EventID, occurrence: String, in community: CommunityID, by actor: Principal) async throws -> OccurrenceLiveState {
        try await write { tx in
            let record = try await scheduler.manageableEvent(event, in: community, by: actor, tx: tx)
            guard var state = try await tx.liveState(of: event, occurrence: occurrence), state.isLive else {
                throw CommunityError.conflict("this occurrence is not live", field: "occurrence")
            }
            state.endedAt = now
            try await tx.upsert(state)
            for var session in try await tx.attendanceSessions(of: event, occurrence: occurrence) where session.leftAt == nil {
                session.leftAt = now
                try await tx.upsert(session)
            }
            try await setStatus(.ended, of: record, tx: tx)
            try await log(.liveEnded, record, occurrence, by: actor, tx: tx)
            return state
        }
    }

    // MARK: Attendance

    /// The member joins a live occurrence (a new session; joining while present changes nothing).
    /// - Throws: `forbidden` (not live, cannot read the event's space, inactive), `notFound`.
    @discardableResult
    public func join(_ event: EventID, occurrence: String, in community: CommunityID, by actor: Principal) async throws -> AttendanceSession {
        let member = try requireMember(actor)
        return try await write { tx in
            let record = try await attendableEvent(event, occurrence: occurrence, in: community, by: actor, tx: tx)
            let sessions = try await tx.attendanceSessions(of: event, occurrence: occurrence, member: member)
            if let open = sessions.last, open.leftAt == nil { return open }
            let session = AttendanceSession(eventID: event, occurrence: occurrence, memberID: member, number: sessions.count + 1, joinedAt: now)
            try await tx.upsert(session)
            try await log(.attendanceJoined, record, occurrence, by: actor, tx: tx, extra: ["first": String(sessions.isEmpty)])
            return session
        }
    }

    /// The member leaves (closes their open session; leaving when absent changes nothing).
    public func leave(_ event: EventID, occurrence: String, in community: CommunityID, by actor: Principal) async throws {
        let member = try requireMember(actor)
        try await write { tx in
            let record = try await scheduler.visibleEvent(event, in: community, by: actor, tx: tx)
            guard var open = try await tx.attendanceSessions(of: event, occurrence: occurrence, member: member).last, open.leftAt == nil else { return }
            open.leftAt = now
            try await tx.upsert(open)
            try await log(.attendanceLeft, record, occurrence, by: actor, tx: tx)
        }
    }

    /// Attended minutes per member and the no-show rate of an occurrence (hosts and moderators).
    public func attendance(of event: EventID, occurrence: String, in community: CommunityID, by actor: Principal) async throws -> AttendanceReport {
        try await read { tx in
            _ = try await scheduler.manageableEvent(event, in: community, by: actor, tx: tx)
            let state = try await tx.liveState(of: event, occurrence: occurrence)
            let until = state?.endedAt ?? now
            var minutes: [MemberID: Double] = [:]
            for session in try await tx.attendanceSessions(of: event, occurrence: occurrence) {
                let end = session.leftAt ?? until
                minutes[session.memberID, default: 0] += max(0, end.timeIntervalSince(session.joinedAt)) / 60
            }
            var confirmed = Set<MemberID>()
            var cursor: MemberID?
            while true {
                let page = try await tx.rsvps(to: event, occurrence: occurrence, response: .going, after: cursor, limit: 500)
                confirmed.formUnion(page.filter { $0.seat == .confirmed }.map(\.memberID))
                guard page.count == 500, let last = page.last else { break }
                cursor = last.memberID
            }
            let attendees = Set(minutes.keys)
            let came = confirmed.intersection(attendees).count
            return AttendanceReport(minutes: minutes, confirmed: confirmed.count, confirmedAttendees: came,
                                    walkIns: attendees.subtracting(confirmed).count,
                                    noShowRate: confirmed.isEmpty ? nil : Double(confirmed.count - came) / Double(confirmed.count))
        }
    }

    // MARK: Transactions and helpers

    func write<T>(_ body: (any LiveWriteTransaction) async throws -> T) async throws -> T {
        try await environment.store.write { tx in
            guard let live = tx as? any LiveWriteTransaction else { throw Self.unsupported }
            return try await body(live)
        }
    }

    func read<T>(_ body: (any LiveReadTransaction) async throws -> T) async throws -> T {
        try await environment.store.read { tx in
            guard let live = tx as? any LiveReadTransaction else { throw Self.unsupported }
            return try await body(live)
        }
    }

    static let unsupported = CommunityError(.storage, "this store does not hold live sessions (LiveWriteTransaction); use a backend that does")

    func requireMember(_ actor: Principal) throws -> MemberID {
        guard let member = actor.memberID else {
            throw CommunityError.invalidInput("attending, asking and voting need a member as actor, not \(actor)", field: "actor")
        }
        return member
    }

    /// The event, if the occurrence is live and the actor may take part (read its space, be active).
    func attendableEvent(_ event: EventID, occurrence: String, in community: CommunityID, by actor: Principal,
                         tx: any LiveReadTransaction) async throws -> CommunityEvent {
        let record = try await scheduler.visibleEvent(event, in: community, by: actor, tx: tx)
        let acting = try await tx.acting(actor, in: community, at: now)
        guard acting.status == .active else { throw CommunityError.forbidden("a \(acting.status.rawValue) member cannot take part") }
        guard try await tx.liveState(of: event, occurrence: occurrence)?.isLive == true else {
            throw CommunityError.forbidden("this occurrence is not live")
        }
        return record
    }

    func setStatus(_ status: CommunityEvent.Status, of event: CommunityEvent, tx: any LiveWriteTransaction) async throws {
        guard event.recurrenceRule == nil, event.recurrenceDates.isEmpty, event.status != status else { return }
        var updated = event
        updated.status = status
        try await tx.update(updated)
    }

    func log(_ verb: ActivityVerb, _ event: CommunityEvent, _ occurrence: String, by actor: Principal, tx: any LiveWriteTransaction,
             subject: SubjectRef? = nil, extra: [String: String] = [:]) async throws {
        try await tx.recordActivity(verb, by: actor, subject: subject ?? SubjectRef("event", event.id), community: event.communityID,
                                    space: event.spaceID, at: now, ids: environment.ids,
                                    payload: extra.merging(["occurrence": occurrence, "event": event.id.description]) { $1 })
    }
}
