import CommunityCore
import CommunitySQLite
import CommunityTesting
import Testing

/// The event conformance suite against a fresh database file per case.
@Suite struct SQLiteEventConformanceTests {
    @Test(arguments: EventConformance.Case.allCases)
    func conformance(_ testCase: EventConformance.Case) async throws {
        let folder = try TemporaryFolder()
        try await EventConformance { try SQLiteCommunityStore(path: folder.path("\(testCase).sqlite")) }.run(testCase)
        withExtendedLifetime(folder) {}
    }
}
