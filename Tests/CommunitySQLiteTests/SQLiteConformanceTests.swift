import CommunityCore
import CommunitySQLite
import CommunityTesting
import Foundation
import Testing

/// The storage conformance suite against a fresh database file per case.
@Suite struct SQLiteConformanceTests {
    @Test(arguments: StoreConformance.Case.allCases)
    func conformance(_ testCase: StoreConformance.Case) async throws {
        let folder = try TemporaryFolder()
        try await StoreConformance { try SQLiteCommunityStore(path: folder.path("\(testCase).sqlite")) }.run(testCase)
        withExtendedLifetime(folder) {}
    }
}
