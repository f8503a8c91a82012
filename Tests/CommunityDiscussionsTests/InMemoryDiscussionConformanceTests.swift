import CommunityCore
import CommunityTesting
import Testing

@Suite struct InMemoryDiscussionConformanceTests {
    @Test(arguments: DiscussionConformance.Case.allCases)
    func conformance(_ testCase: DiscussionConformance.Case) async throws {
        try await DiscussionConformance { InMemoryCommunityStore() }.run(testCase)
    }
}
