public import CommunityCore
public import Foundation

/// What changes when a series is split with ``EventScheduler/splitSeries(_:at:in:changes:by:)``.
public struct SeriesChanges: Hashable, Sendable {
    /// A new title for the following occurrences.
    public var title: String?
    /// A new description.
    public var description: String?
    /// A new local time of day for the following occurrences, `HH:MM:SS`.
    public var timeOfDay: String?
    /// A new length.
    public var duration: TimeInterval?
    /// A new place.
    public var location: CommunityEvent.Location?
    /// A new capacity.
    public var capacity: Int?
    /// A new rule for the following occurrences (RRULE value); the old one otherwise.
    public var recurrenceRule: String?

    /// Creates changes; everything left `nil` stays as it was.
    public init(title: String? = nil, description: String? = nil, timeOfDay: String? = nil, duration: TimeInterval? = nil,
                location: CommunityEvent.Location? = nil, capacity: Int? = nil, recurrenceRule: String? = nil) {
        self.title = title
        self.description = description
        self.timeOfDay = timeOfDay
        self.duration = duration
        self.location = location
        self.capacity = capacity
        self.recurrenceRule = recurrenceRule
    }
}

extension EventScheduler {
    // MARK: One occurrence

    /// Cancels one occurrence (its hosts, moderators of its space, or admins). It stays known by
    /// its key, marked cancelled; RSVPs for it are refused from then on.
    @discardableResult
    public func cancel(_ id: EventID, occurrence: String, in community: CommunityID, by actor: Principal) async throws -> OccurrenceOverride {
        try await changeOccurrence(id, occurrence: occurrence, in: community, by: actor) { $0.isCancelled = true }
    }

    /// Moves or changes one occurrence; it keeps its key, so RSVPs and reminders follow it.
    /// - Parameters:
    ///   - start: The new local start, `YYYY-MM-DDTHH:MM:SS` in the event's zone.
    /// - Throws: `invalidInput` (bad start, duration, title), `forbidden`, `notFound`.
    @discardableResult
    public func reschedule(_ id: EventID, occurrence: String, in community: CommunityID, start: String? = nil, duration: TimeInterval? = nil,
                           title: String? = nil, description: String? = nil, location: CommunityEvent.Location? = nil,
                           by actor: Principal) async throws -> OccurrenceOverride {
        if let start { _ = try Self.parseLocal(start, field: "start") }
        if let duration, !(60...(7 * 86_400)).contains(duration) {
            throw CommunityError.invalidInput("duration must be between 1 minute and 7 days", field: "duration")
        }
        let title = try title.map { try Validate.name($0, field: "title", max: 200) }
        if let description { try Validate.text(description, field: "description", max: 10_000) }
        if let location { try Self.validate(location) }
        return try await changeOccurrence(id, occurrence: occurrence, in: community, by: actor) { override in
            if let start { override.start = start }
            if let duration { override.duration = duration }
            if let title { override.title = title }
            if let description { override.description = description }
            if let location { override.location = location }
        }
    }

    private func changeOccurrence(_ id: EventID, occurrence: String, in community: CommunityID, by actor: Principal,
                                  _ change: @Sendable (inout OccurrenceOverride) -> Void) async throws -> OccurrenceOverride {
        try await write { tx, _ in
            guard let overridesTx = tx as? any OverrideWriteTransaction else { throw Self.overridesUnsupported }
            let event = try await manageableEvent(id, in: community, by: actor, tx: tx)
            let existing = try await overridesTx.overrides(of: id)
            _ = try Self.occurrence(occurrence, of: event, overrides: existing)
            var override = existing.first { $0.occurrence == occurrence }
                ?? OccurrenceOverride(eventID: id, communityID: community, occurrence: occurrence, updatedAt: now)
            change(&override)
            override.updatedAt = now
            try await overridesTx.upsert(override)
            try await tx.recordActivity(.eventUpdated, by: actor, subject: SubjectRef("event", id), community: community, space: event.spaceID,
                                        at: now, ids: environment.ids,
                                        payload: ["occurrence": occurrence, "change": override.isCancelled ? "cancel" : "reschedule"])
            return override
        }
    }

    // MARK: This and following

    /// Changes "this and following": the series ends before `occurrence`, and a new event starts
    /// there with the changes applied. RSVPs, seats and overrides of the following occurrences
    /// move to the new event (keyed by the new occurrence keys when the time of day changes).
    /// - Returns: The shortened series and the new one.
    /// - Throws: `invalidInput` (first occurrence — edit the event instead; not an occurrence; bad
    ///   changes), `forbidden`, `notFound`.
    public func splitSeries(_ id: EventID, at occurrence: String, in community: CommunityID, changes: SeriesChanges,
                            by actor: Principal) async throws -> (original: CommunityEvent, following: CommunityEvent) {
        if let title = changes.title { try Validate.name(title, field: "title", max: 200) }
        if let description = changes.description { try Validate.text(description, field: "description", max: 10_000) }
        if let duration = changes.duration, !(60...(7 * 86_400)).contains(duration) {
            throw CommunityError.invalidInput("duration must be between 1 minute and 7 days", field: "duration")
        }
        if let capacity = changes.capacity, !(1...1_000_000).contains(capacity) {
            throw CommunityError.invalidInput("capacity must be between 1 and 1,000,000", field: "capacity")
        }
        if let location = changes.location { try Self.validate(location) }
        let splitLocal = try Self.parseLocal(occurrence, field: "occurrence")
        var newStartText = occurrence
        if let timeOfDay = changes.timeOfDay {
            newStartText = String(occurrence.prefix(11)) + timeOfDay
            _ = try Self.parseLocal(newStartText, field: "timeOfDay")
        }
        return try await write { tx, _ in
            let now = self.now
            let event = try await manageableEvent(id, in: community, by: actor, tx: tx)
            let recurrence = try Self.recurrence(of: event)
            guard let split = recurrence.occurrences(from: splitLocal, to: splitLocal, inclusive: true, limit: 1).first, split.local == splitLocal else {
                throw CommunityError.invalidInput("\(occurrence) is not an occurrence of this event", field: "occurrence")
            }
            guard splitLocal != recurrence.start else {
                throw CommunityError.invalidInput("this is the first occurrence: change the whole event instead of splitting", field: "occurrence")
            }
            let before = recurrence.prefix { $0.date < split.date }.count
            var original = event
            var following = event
            following.id = environment.ids.next(at: now)
            following.start = newStartText
            following.createdAt = now
            following.createdBy = actor
            if let title = changes.title { following.title = title }
            if let description = changes.description { following.description = description }
            if let duration = changes.duration { following.duration = duration }
            if let location = changes.location { following.location = location }
            if let capacity = changes.capacity { following.capacity = capacity }
            following.recurrenceDates = event.recurrenceDates.filter { $0 >= occurrence }
            following.exceptionDates = event.exceptionDates.filter { $0 >= occurrence }
            original.recurrenceDates = event.recurrenceDates.filter { $0 < occurrence }
            original.exceptionDates = event.exceptionDates.filter { $0 < occurrence }
            if let rule = event.recurrenceRule {
                let base = changes.recurrenceRule ?? rule
                following.recurrenceRule = Self.replacing(["COUNT"], in: base,
                                                          with: Self.part("COUNT", of: rule).flatMap(Int.init).map { ["COUNT=\(max(1, $0 - before))"] } ?? [])
                let until = ISO8601DateFormatter.basicUTC.string(from: split.date.addingTimeInterval(-1))
                original.recurrenceRule = Self.replacing(["COUNT", "UNTIL"], in: rule, with: ["UNTIL=\(until)"])
            }
            _ = try Self.recurrence(of: following)
            _ = try Self.recurrence(of: original)
            try await tx.update(original)
            try await tx.insert(following)
            try await moveFollowing(from: event, to: following, after: split.date, tx: tx)
            try await tx.recordActivity(.eventUpdated, by: actor, subject: SubjectRef("event", id), community: community, space: event.spaceID,
                                        at: now, ids: environment.ids, payload: ["split": occurrence, "following": following.id.description])
            try await tx.recordActivity(.eventCreated, by: actor, subject: SubjectRef("event", following.id), community: community,
                                        space: following.spaceID, at: now, ids: environment.ids, payload: ["splitFrom": id.description])
            return (original, following)
        }
    }

    /// Moves the RSVPs, seats and overrides of the occurrences at or after `date` to `following`,
    /// pairing old and new occurrences in order.
    private func moveFollowing(from event: CommunityEvent, to following: CommunityEvent, after date: Date, tx: any EventWriteTransaction) async throws {
        let old = Array(try Self.recurrence(of: event).lazy.filter { $0.date >= date }.prefix(1000))
        let new = Array(try Self.recurrence(of: following).prefix(old.count))
        let overrides = (tx as? any OverrideWriteTransaction).map { tx in { try await tx.overrides(of: event.id) } }
        let existing = try await overrides?() ?? []
        for (from, to) in zip(old, new) {
            let (fromKey, toKey) = (from.local.isoString, to.local.isoString)
            if var seats = try await tx.seats(of: event.id, occurrence: fromKey) {
                seats.eventID = following.id
                seats.occurrence = toKey
                try await tx.upsert(seats)
                for response in EventRSVP.Response.allCases {
                    var cursor: MemberID?
                    while true {
                        let page = try await tx.rsvps(to: event.id, occurrence: fromKey, response: response, after: cursor, limit: 500)
                        for var rsvp in page {
                            rsvp.eventID = following.id
                            rsvp.occurrence = toKey
                            try await tx.upsert(rsvp)
                        }
                        guard page.count == 500, let last = page.last else { break }
                        cursor = last.memberID
                    }
                }
            }
            if var override = existing.first(where: { $0.occurrence == fromKey }), let write = tx as? any OverrideWriteTransaction {
                override.eventID = following.id
                override.occurrence = toKey
                try await write.upsert(override)
            }
        }
    }

    // MARK: Expansion with overrides

    static let overridesUnsupported = CommunityError(
        .storage, "this store does not hold occurrence overrides (OverrideWriteTransaction); use a backend that does")

    /// The overrides of an event, or none if the store does not hold overrides.
    func overrides(of id: EventID, tx: any EventReadTransaction) async throws -> [OccurrenceOverride] {
        try await (tx as? any OverrideReadTransaction)?.overrides(of: id) ?? []
    }

    /// The occurrence named `key` (its original local start), with its override applied.
    /// - Throws: `invalidInput` if the series has no occurrence there.
    static func occurrence(_ key: String, of event: CommunityEvent, overrides: [OccurrenceOverride]) throws -> EventOccurrence {
        let local = try parseLocal(key, field: "occurrence")
        let recurrence = try recurrence(of: event)
        guard let match = recurrence.occurrences(from: local, to: local, inclusive: true, limit: 1).first, match.local == local else {
            throw CommunityError.invalidInput("\(key) is not an occurrence of this event", field: "occurrence")
        }
        return try applying(overrides.first { $0.occurrence == key }, to: EventOccurrence(event: event, occurrence: match), of: event)
    }

    /// The occurrences whose (possibly moved) start lies in `[from, to)`, ascending, overrides applied.
    static func expand(_ event: CommunityEvent, overrides: [OccurrenceOverride], from: Date, to: Date, includeCancelled: Bool,
                       limit: Int = 1000) throws -> [EventOccurrence] {
        let recurrence = try recurrence(of: event)
        let byKey = Dictionary(overrides.map { ($0.occurrence, $0) }, uniquingKeysWith: { $1 })
        var shift: TimeInterval = 0
        for override in overrides {
            if override.start != nil, let original = try? occurrence(override.occurrence, of: event, overrides: []),
               let moved = try? applying(override, to: original, of: event) {
                shift = max(shift, abs(moved.start.timeIntervalSince(original.start)))
            }
        }
        var result: [EventOccurrence] = []
        for raw in recurrence {
            if raw.date >= to.addingTimeInterval(shift) || result.count >= limit { break }
            guard raw.date >= from.addingTimeInterval(-shift) else { continue }
            let value = try applying(byKey[raw.local.isoString], to: EventOccurrence(event: event, occurrence: raw), of: event)
            guard includeCancelled || !value.isCancelled, value.start >= from, value.start < to else { continue }
            result.append(value)
        }
        return result.sorted { ($0.start, $0.key) < ($1.start, $1.key) }
    }

    static func applying(_ override: OccurrenceOverride?, to occurrence: EventOccurrence, of event: CommunityEvent) throws -> EventOccurrence {
        guard let override else { return occurrence }
        var value = occurrence
        value.override = override
        value.isCancelled = override.isCancelled
        if let start = override.start {
            let local = try parseLocal(start, field: "start")
            let zone = try Validate.timeZone(event.timeZoneIdentifier)
            if let resolved = try Recurrence(start: local, timeZone: zone).first(where: { _ in true }) {
                value.start = resolved.date
                value.utcOffset = resolved.utcOffset
            }
        }
        value.end = value.start.addingTimeInterval(override.duration ?? event.duration)
        return value
    }

    static func part(_ name: String, of rule: String) -> String? {
        rule.split(separator: ";").first { $0.uppercased().hasPrefix(name + "=") }.map { String($0.dropFirst(name.count + 1)) }
    }

    static func replacing(_ names: Set<String>, in rule: String, with parts: [String]) -> String {
        (rule.split(separator: ";").map(String.init).filter { part in !names.contains { part.uppercased().hasPrefix($0 + "=") } } + parts)
            .joined(separator: ";")
    }
}

extension ISO8601DateFormatter {
    /// `yyyyMMdd'T'HHmmss'Z'`, the UTC form of RRULE's UNTIL.
    static var basicUTC: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withYear, .withMonth, .withDay, .withTime, .withTimeZone]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter
    }
}
