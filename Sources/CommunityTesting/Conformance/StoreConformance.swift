public import CommunityCore
import Foundation

/// The storage contract's behavioural tests, runnable against any ``CommunityCore/CommunityStore``.
///
/// A backend is done when every case passes. Each case gets a fresh, empty store from
/// `makeStore` (so cases may run in parallel) and creates the fixtures it needs itself — the
/// store needs no data up front. Failures throw ``ConformanceFailure`` naming the expectation.
///
/// ```swift
/// @Test(arguments: StoreConformance.Case.allCases)
/// func conformance(_ testCase: StoreConformance.Case) async throws {
///     try await StoreConformance { try MyStore(path: temporaryFile()) }.run(testCase)
/// }
/// ```
public struct StoreConformance: ConformanceSuite {
    /// The behaviours checked, one test each.
    public enum Case: String, CaseIterable, Sendable, CustomStringConvertible {
        /// Communities: insert, read by id and slug, update, slug and id uniqueness.
        case communities
        /// Members: insert, read by id and handle, update, handle uniqueness per community, counts by role.
        case members
        /// Member pages in id order, complete, stable while members are added between pages.
        case memberPaging
        /// Directory search: prefix, case and accent folding, all terms, paging, tenancy.
        case directorySearch
        /// Spaces: insert, read, slug uniqueness per community, paging.
        case spaces
        /// Memberships: upsert, both listings, delete, cascade when a member is deleted.
        case memberships
        /// The records of an access check in one read: member, space, membership, tenancy.
        case accessRecords
        /// Invitations: by token and id, update, token uniqueness.
        case invitations
        /// Join requests: one pending per member and space, listings by state.
        case joinRequests
        /// Activities: increasing sequences, reads after a cursor, per space, last sequence.
        case activities
        /// A thrown write body leaves nothing behind.
        case rollback
        /// Concurrent read-modify-write bodies lose no update.
        case serializableWrites
        /// Reads never observe a write half done.
        case atomicVisibility
        /// No query of one community returns another's records.
        case tenantIsolation
        /// `waitForActivity` wakes on a new activity and returns on timeout.
        case activitySignal
        /// The member lifecycle through the services: join, invite, request, approve, roles, suspend, ban.
        case memberLifecycle
        /// 1,000 concurrent joins with colliding handles leave unique handles and a consistent log.
        case concurrentJoins

        /// The case's name.
        public var description: String { rawValue }
    }

    private let makeStore: @Sendable () async throws -> any CommunityStore

    /// Creates the suite.
    /// - Parameter makeStore: Returns a new, empty store each time it is called.
    public init(makeStore: @escaping @Sendable () async throws -> any CommunityStore) {
        self.makeStore = makeStore
    }

    /// Runs one case against a fresh store.
    /// - Throws: ``ConformanceFailure`` when the store misbehaves, or the store's own error.
    public func run(_ testCase: Case) async throws {
        let store = try await makeStore()
        let check = ConformanceCheck { message, file, line in
            ConformanceFailure(testCase: testCase, message: message, file: file, line: line)
        }
        switch testCase {
        case .communities: try await communities(store, check)
        case .members: try await members(store, check)
        case .memberPaging: try await memberPaging(store, check)
        case .directorySearch: try await directorySearch(store, check)
        case .spaces: try await spaces(store, check)
        case .memberships: try await memberships(store, check)
        case .accessRecords: try await accessRecords(store, check)
        case .invitations: try await invitations(store, check)
        case .joinRequests: try await joinRequests(store, check)
        case .activities: try await activities(store, check)
        case .rollback: try await rollback(store, check)
        case .serializableWrites: try await serializableWrites(store, check)
        case .atomicVisibility: try await atomicVisibility(store, check)
        case .tenantIsolation: try await tenantIsolation(store, check)
        case .activitySignal: try await activitySignal(store, check)
        case .memberLifecycle: try await memberLifecycle(store, check)
        case .concurrentJoins: try await concurrentJoins(store, check)
        }
    }
}

