import CommunityCore
import CommunityTesting
import Testing

@Suite struct InMemoryConformanceTests {
    @Test(arguments: StoreConformance.Case.allCases)
    func conformance(_ testCase: StoreConformance.Case) async throws {
        try await StoreConformance { InMemoryCommunityStore() }.run(testCase)
    }
}
