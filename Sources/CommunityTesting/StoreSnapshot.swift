public import CommunityCore

/// Everything a store holds for some communities, read through the contract: compare two
/// snapshots to prove a failed call changed nothing.
///
/// ```swift
/// let before = try await StoreSnapshot.capture(store, communities: [id])
/// await #expect(throws: CommunityError.self) { try await members.join(id, profile: bad) }
/// #expect(try await StoreSnapshot.capture(store, communities: [id]) == before)
/// ```
public struct StoreSnapshot: Hashable, Sendable {
    /// The communities.
    public var communities: [Community] = []
    /// Their members.
    public var members: [Member] = []
    /// Their spaces.
    public var spaces: [Space] = []
    /// The memberships of those spaces.
    public var memberships: [Membership] = []
    /// The join requests of those spaces, every state.
    public var joinRequests: [JoinRequest] = []
    /// Their activity logs.
    public var activities: [Activity] = []

    /// Reads every record of `communities` from `store`.
    public static func capture(_ store: any CommunityStore, communities ids: [CommunityID]) async throws -> StoreSnapshot {
        try await store.read { tx in
            var snapshot = StoreSnapshot()
            for id in ids {
                if let community = try await tx.community(id) { snapshot.communities.append(community) }
                snapshot.members += try await pages { try await tx.members(in: id, after: $0?.id, limit: 100) }
                let spaces = try await pages { try await tx.spaces(in: id, after: $0?.id, limit: 100) }
                snapshot.spaces += spaces
                for space in spaces {
                    snapshot.memberships += try await pages { try await tx.memberships(in: space.id, after: $0?.memberID, limit: 100) }
                    for state in JoinRequest.State.allCases {
                        snapshot.joinRequests += try await pages { try await tx.joinRequests(in: space.id, state: state, after: $0?.id, limit: 100) }
                    }
                }
                snapshot.activities += try await pages { try await tx.activities(in: id, after: $0?.sequence ?? 0, limit: 100) }
            }
            return snapshot
        }
    }

    private static func pages<T>(_ fetch: (T?) async throws -> [T]) async throws -> [T] {
        var all: [T] = []
        var last: T?
        while true {
            let page = try await fetch(last)
            all += page
            guard page.count == 100, let tail = page.last else { return all }
            last = tail
        }
    }
}
