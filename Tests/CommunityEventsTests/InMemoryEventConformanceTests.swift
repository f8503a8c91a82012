import CommunityCore
import CommunityTesting
import Testing

@Suite struct InMemoryEventConformanceTests {
    @Test(arguments: EventConformance.Case.allCases)
    func conformance(_ testCase: EventConformance.Case) async throws {
        try await EventConformance { InMemoryCommunityStore() }.run(testCase)
    }
}
