public import CommunityCore

/// A behavioural suite a storage backend must pass: named cases, each run against a fresh store
/// made by the suite's `makeStore` closure.
///
/// ```swift
/// try await StoreConformance(makeStore: { try await MyStore.temporary() }).runAll()
/// ```
public protocol ConformanceSuite: Sendable {
    /// The suite's cases.
    associatedtype Case: CaseIterable, Sendable

    /// Creates the suite.
    /// - Parameter makeStore: Returns a new, empty store each time it is called.
    init(makeStore: @escaping @Sendable () async throws -> any CommunityStore)

    /// Runs one case against a fresh store.
    /// - Throws: The suite's failure when the store misbehaves, or the store's own error.
    func run(_ testCase: Case) async throws
}

extension ConformanceSuite {
    /// Runs every case in turn, each against a fresh store.
    /// - Throws: The first failure.
    public func runAll() async throws {
        for testCase in Case.allCases { try await run(testCase) }
    }
}
