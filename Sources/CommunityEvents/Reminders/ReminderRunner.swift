public import CommunityCore
public import Foundation

/// Delivers event reminders to going members, driven by the injected clock.
///
/// For each upcoming occurrence and each of the event's offsets (24 h and 1 h before by default),
/// every member with a confirmed seat gets one reminder through the host's ``ReminderDelivery``.
/// A ``CommunityCore/ReminderReceipt`` is stored before delivery, in its own transaction, so a
/// restarted runner never sends a reminder twice. After downtime, a missed reminder is sent
/// only if the occurrence has not started yet, and only the latest one due (a member is not
/// sent the 24 h and the 1 h reminder at the same moment; the earlier one is recorded as skipped).
///
/// ```swift
/// let runner = ReminderRunner(environment, delivery: EmailReminders())
/// try await runner.run(communities: [community])   // until the task is cancelled
/// ```
///
/// Run it as a background service (e.g. in a ServiceLifecycle `run()`); it respects cancellation.
/// The store must implement ``CommunityCore/ReminderWriteTransaction``.
public struct ReminderRunner: Sendable {
    /// Tunables.
    public struct Configuration: Sendable {
        /// The longest sleep between two passes, so that new events and RSVPs are picked up.
        public var pollInterval: TimeInterval

        /// Creates a configuration; by default the runner looks again at least every minute.
        public init(pollInterval: TimeInterval = 60) {
            self.pollInterval = pollInterval
        }
    }

    /// The store, clock, ids and policy.
    public let environment: CommunityEnvironment
    /// Where reminders go.
    public let delivery: any ReminderDelivery
    /// Tunables.
    public let configuration: Configuration

    /// Creates a runner.
    public init(_ environment: CommunityEnvironment, delivery: any ReminderDelivery, configuration: Configuration = Configuration()) {
        self.environment = environment
        self.delivery = delivery
        self.configuration = configuration
    }

    /// Runs until the task is cancelled: delivers what is due, then sleeps until the next
    /// reminder is due (at most ``Configuration/pollInterval``).
    /// - Throws: `CancellationError` when cancelled; store errors.
    public func run(communities: [CommunityID]) async throws {
        while !Task.isCancelled {
            var next = environment.clock.now.addingTimeInterval(max(1, configuration.pollInterval))
            for community in communities {
                try await deliverDueReminders(in: community)
                if let due = try await nextDueDate(in: community), due < next { next = due }
            }
            try await environment.clock.sleep(until: next)
        }
        throw CancellationError()
    }

    /// Delivers every reminder due now in a community.
    /// - Returns: The reminders delivered in this pass.
    @discardableResult
    public func deliverDueReminders(in community: CommunityID) async throws -> [EventReminder] {
        let now = environment.clock.now
        var delivered: [EventReminder] = []
        for (event, occurrence) in try await upcomingOccurrences(in: community, now: now) {
            let due = event.reminderOffsets.filter { occurrence.start.addingTimeInterval(-$0) <= now }.sorted()
            guard let latest = due.first else { continue }
            for member in try await confirmedMembers(of: event, occurrence: occurrence.key) {
                let reminder = EventReminder(event: event, occurrence: occurrence, memberID: member, offset: latest)
                guard try await claim(reminder, alsoSkipping: Array(due.dropFirst()), at: now) else { continue }
                do {
                    try await delivery.deliver(reminder)
                    delivered.append(reminder)
                } catch {
                    try await release(reminder)
                }
            }
        }
        return delivered
    }

    /// When the next reminder of the community falls due, if any is scheduled.
    public func nextDueDate(in community: CommunityID) async throws -> Date? {
        let now = environment.clock.now
        var next: Date?
        for (event, occurrence) in try await upcomingOccurrences(in: community, now: now, lookahead: 31 * 86_400) {
            for offset in event.reminderOffsets {
                let due = occurrence.start.addingTimeInterval(-offset)
                if due > now, next.map({ due < $0 }) ?? true { next = due }
            }
        }
        return next
    }

    // MARK: Internals

    /// Occurrences that have not started and start within the event's longest reminder offset
    /// (plus the poll interval and `lookahead`): every occurrence a reminder can concern.
    private func upcomingOccurrences(in community: CommunityID, now: Date, lookahead: TimeInterval = 0) async throws -> [(CommunityEvent, EventOccurrence)] {
        var result: [(CommunityEvent, EventOccurrence)] = []
        var cursor: EventID?
        while true {
            let events = try await environment.store.read { tx -> [(CommunityEvent, [OccurrenceOverride])] in
                guard let events = tx as? any EventReadTransaction else { throw EventScheduler.unsupported }
                var result: [(CommunityEvent, [OccurrenceOverride])] = []
                for event in try await events.events(in: community, after: cursor, limit: 200) {
                    result.append((event, try await (events as? any OverrideReadTransaction)?.overrides(of: event.id) ?? []))
                }
                return result
            }
            for (event, overrides) in events where event.status == .scheduled && !event.reminderOffsets.isEmpty {
                guard let horizon = event.reminderOffsets.max() else { continue }
                let end = now.addingTimeInterval(horizon + max(1, configuration.pollInterval) + lookahead)
                guard let occurrences = try? EventScheduler.expand(event, overrides: overrides, from: now.addingTimeInterval(0.001), to: end,
                                                                  includeCancelled: false) else { continue }
                result += occurrences.map { (event, $0) }
            }
            guard events.count == 200, let last = events.last else { return result }
            cursor = last.0.id
        }
    }

    private func confirmedMembers(of event: CommunityEvent, occurrence: String) async throws -> [MemberID] {
        var members: [MemberID] = []
        var cursor: MemberID?
        while true {
            let page = try await environment.store.read { tx -> [EventRSVP] in
                guard let events = tx as? any EventReadTransaction else { throw EventScheduler.unsupported }
                return try await events.rsvps(to: event.id, occurrence: occurrence, response: .going, after: cursor, limit: 500)
            }
            members += page.filter { $0.seat == .confirmed }.map(\.memberID)
            guard page.count == 500, let last = page.last else { return members }
            cursor = last.memberID
        }
    }

    /// Stores the receipt of a reminder (and of older offsets it supersedes) unless it exists.
    /// - Returns: Whether this pass should deliver it.
    private func claim(_ reminder: EventReminder, alsoSkipping skipped: [TimeInterval], at now: Date) async throws -> Bool {
        try await environment.store.write { tx in
            guard let reminders = tx as? any ReminderWriteTransaction else { throw Self.unsupported }
            let key = (reminder.event.id, reminder.occurrence.key, reminder.memberID)
            if try await reminders.reminderReceipt(event: key.0, occurrence: key.1, member: key.2, offset: reminder.offset) != nil { return false }
            try await reminders.insert(ReminderReceipt(eventID: key.0, occurrence: key.1, memberID: key.2, offset: reminder.offset, sentAt: now))
            for offset in skipped where try await reminders.reminderReceipt(event: key.0, occurrence: key.1, member: key.2, offset: offset) == nil {
                try await reminders.insert(ReminderReceipt(eventID: key.0, occurrence: key.1, memberID: key.2, offset: offset, sentAt: now))
            }
            return true
        }
    }

    private func release(_ reminder: EventReminder) async throws {
        try await environment.store.write { tx in
            guard let reminders = tx as? any ReminderWriteTransaction else { throw Self.unsupported }
            try await reminders.deleteReminderReceipt(event: reminder.event.id, occurrence: reminder.occurrence.key,
                                                      member: reminder.memberID, offset: reminder.offset)
        }
    }

    static let unsupported = CommunityError(.storage, "this store does not record reminders (ReminderWriteTransaction); use a backend that does")
}
