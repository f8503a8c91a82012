@testable import CommunityInsights
import Testing

/// The fixed sizes behind the memory bound documented in `Documentation/Insights.md`
/// ("In-memory representation"): a table row, the hot state of a member in each section.
@Suite struct EngineFootprintTests {
    @Test func tableRowIsThirtyBytes() {
        let row = MemoryLayout<ActivityKind>.stride + MemoryLayout<Double>.stride + 5 * MemoryLayout<Int32>.stride
            + MemoryLayout<UInt8>.stride
        #expect(MemoryLayout<ActivityKind>.size == 1)
        #expect(row == 30)
    }

    @Test func mainSectionMemberStateFitsTwoCacheLines() {
        #expect(MemoryLayout<MemberState>.stride <= 128, "MemberState is \(MemoryLayout<MemberState>.stride) bytes")
    }

    @Test func activitySectionMemberStateFitsThreeCacheLines() {
        let stride = MemoryLayout<ActivityMemberState>.stride
        #expect(stride <= 192, "ActivityMemberState is \(stride) bytes")
    }

    @Test func threadStateIsFortyBytes() {
        #expect(MemoryLayout<ThreadState>.stride <= 40, "ThreadState is \(MemoryLayout<ThreadState>.stride) bytes")
    }
}
