public import CommunityCore
public import Foundation

extension EventScheduler {
    /// The join URL of an online or hybrid occurrence, for its hosts and for members with a
    /// confirmed seat: the URL stored on the event, or else the one the host's provider gives.
    /// - Throws: `forbidden` (no confirmed seat), `invalidInput` (in-person event, not an
    ///   occurrence), `notFound`; what the provider throws.
    public func joinURL(for id: EventID, occurrence: String, in community: CommunityID, rooms: (any LiveRoomProvider)? = nil,
                        by actor: Principal) async throws -> URL {
        guard let member = actor.memberID else {
            throw CommunityError.invalidInput("a join URL is for a member, not \(actor)", field: "actor")
        }
        let (event, stored, occurrenceValue) = try await read { tx -> (CommunityEvent, URL?, EventOccurrence) in
            let event = try await visibleEvent(id, in: community, by: actor, tx: tx)
            let stored: URL?
            switch event.location {
            case .online(let url): stored = url
            case .hybrid(_, let url): stored = url
            case .inPerson: throw CommunityError.invalidInput("this event happens in person only; it has no join URL", field: "event")
            }
            let resolved = try Self.occurrence(occurrence, of: event, overrides: try await overrides(of: id, tx: tx))
            guard !resolved.isCancelled else { throw CommunityError.forbidden("this occurrence is cancelled") }
            let isHost = event.hosts.contains(member)
            let seat = try await tx.rsvp(to: id, occurrence: occurrence, of: member)?.seat
            guard isHost || seat == .confirmed else {
                throw CommunityError.forbidden("the join URL is for hosts and members with a confirmed seat")
            }
            return (event, stored, resolved)
        }
        if let stored { return stored }
        guard let rooms else {
            throw CommunityError.invalidInput("this event has no stored join URL; pass the LiveRoomProvider that makes rooms", field: "rooms")
        }
        return try await rooms.joinURL(for: event, occurrence: occurrenceValue, member: member)
    }
}
