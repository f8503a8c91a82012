public import CommunityCore
public import Foundation

/// Gives the join URL of an online occurrence (a Zoom/Meet/LiveKit room). The host implements it;
/// it may create rooms on demand and hand out per-member links.
///
/// ```swift
/// struct LiveKitRooms: LiveRoomProvider {
///     func joinURL(for event: CommunityEvent, occurrence: EventOccurrence, member: MemberID) async throws -> URL {
///         try await livekit.room(named: "\(event.id)-\(occurrence.key)").link(for: member.description)
///     }
/// }
/// ```
public protocol LiveRoomProvider: Sendable {
    /// The URL `member` uses to join `occurrence` of `event`.
    func joinURL(for event: CommunityEvent, occurrence: EventOccurrence, member: MemberID) async throws -> URL
}
