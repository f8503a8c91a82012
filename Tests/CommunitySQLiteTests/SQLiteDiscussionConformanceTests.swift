import CommunityCore
import CommunitySQLite
import CommunityTesting
import Testing

/// The discussion conformance suite against a fresh database file per case.
@Suite struct SQLiteDiscussionConformanceTests {
    @Test(arguments: DiscussionConformance.Case.allCases)
    func conformance(_ testCase: DiscussionConformance.Case) async throws {
        let folder = try TemporaryFolder()
        try await DiscussionConformance { try SQLiteCommunityStore(path: folder.path("\(testCase).sqlite")) }.run(testCase)
        withExtendedLifetime(folder) {}
    }
}
