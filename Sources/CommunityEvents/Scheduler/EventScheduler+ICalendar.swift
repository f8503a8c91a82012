public import CommunityCore
public import Foundation

extension EventScheduler {
    /// A member's personal calendar: a VCALENDAR with one VEVENT per occurrence, starting in
    /// `[from, to)`, that the member answered `going` to (a confirmed seat or a place on the
    /// waitlist), among the community's events they may see.
    ///
    /// Each VEVENT carries the event's `UID` (`<event id>@communitykit`) and, for an occurrence
    /// of a series, its `RECURRENCE-ID`, so a calendar that also holds the whole series matches
    /// them up. Occurrence overrides apply: a moved occurrence is written at its new time (its
    /// RECURRENCE-ID still names the original start), with its own title, description, length
    /// and place; a cancelled occurrence or event is written with `STATUS:CANCELLED` so subscribed
    /// calendars drop it. `DTSTAMP` is the scheduler's clock.
    ///
    /// ```swift
    /// let ics = try await scheduler.calendarFeed(for: ada, in: community, from: now, to: now + 90 * 86_400)
    /// ```
    ///
    /// Cost: O(events × occurrences in the window). It pages through every event of the
    /// community (`events(in:after:limit:)`), expands each one over the window, and reads the
    /// member's RSVP for each occurrence (`rsvp(to:occurrence:of:)`, plus one `overrides(of:)`
    /// read per event where the store holds overrides) — storage offers no index
    /// of a member's RSVPs. Keep windows short and cache the result.
    ///
    /// - Parameters:
    ///   - member: The member whose calendar this is.
    ///   - community: The community.
    ///   - from: The first instant included.
    ///   - to: The first instant excluded; at most 400 days after `from`.
    ///   - calendar: The writer (its `PRODID`).
    /// - Returns: The calendar text.
    /// - Throws: `invalidInput` (an empty or too long window), `forbidden` (the member is banned
    ///   or suspended), `notFound` (no such member in the community).
    public func calendarFeed(for member: MemberID, in community: CommunityID, from: Date, to: Date,
                             calendar: ICalendar = ICalendar()) async throws -> String {
        guard from < to else { throw CommunityError.invalidInput("the window must end after it starts", field: "to") }
        guard to.timeIntervalSince(from) <= 400 * 86_400 else {
            throw CommunityError.invalidInput("the window is at most 400 days long", field: "to")
        }
        let viewer = Principal.member(member)
        let entries = try await read { tx -> [ICalendarEntry] in
            var entries: [ICalendarEntry] = []
            for event in try await visibleEvents(in: community, by: viewer, tx: tx) {
                // A stored event whose recurrence no longer parses (a zone removed from the
                // system's database) is left out rather than failing the whole feed.
                let overrides = try await overrides(of: event.id, tx: tx)
                guard let occurrences = try? Self.expand(event, overrides: overrides, from: from, to: to, includeCancelled: true,
                                                         limit: 5_000)
                else { continue }
                for occurrence in occurrences {
                    let rsvp = try await tx.rsvp(to: event.id, occurrence: occurrence.key, of: member)
                    if rsvp?.response == .going { entries.append(try ICalendarEntry(event: event, occurrence: occurrence)) }
                }
            }
            return entries
        }
        return calendar.document(entries.sorted { ($0.instance?.start ?? 0, $0.event.id) < ($1.instance?.start ?? 0, $1.event.id) },
                                 stamp: now, sequence: 0, name: nil)
    }

    /// One event as an iCalendar file: the series and its occurrence overrides (see
    /// ``ICalendar/export(_:overrides:stamp:sequence:)``), `DTSTAMP` from the scheduler's clock.
    ///
    /// ```swift
    /// let ics = try await scheduler.exportCalendar(of: event.id, in: community, by: .member(ada))
    /// ```
    ///
    /// - Parameters:
    ///   - id: The event.
    ///   - community: The community.
    ///   - sequence: `SEQUENCE`: raise it each time the event changes.
    ///   - calendar: The writer (its `PRODID`).
    ///   - viewer: Who asks; they must be able to see the event.
    /// - Returns: The calendar text.
    /// - Throws: `notFound`, `forbidden` (the event's space is not readable).
    public func exportCalendar(of id: EventID, in community: CommunityID, sequence: Int = 0, calendar: ICalendar = ICalendar(),
                               by viewer: Principal) async throws -> String {
        let (event, stored): (CommunityEvent, [OccurrenceOverride]) = try await read { tx in
            let event = try await visibleEvent(id, in: community, by: viewer, tx: tx)
            return (event, try await self.overrides(of: id, tx: tx))
        }
        return try calendar.export(event, overrides: stored, stamp: now, sequence: sequence)
    }
}
