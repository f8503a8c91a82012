@testable import CommunityInsights
import Testing

/// The fixed sizes behind the memory bound documented in `Documentation/Insights.md`
/// ("In-memory representation"): a table row, the hot state of a member in each section, of a
/// thread and of a post. Exact, so a field added by accident shows here.
@Suite struct EngineFootprintTests {
    /// The bytes one element of `column` takes.
    static func stride<T>(of _: [T]) -> Int { MemoryLayout<T>.stride }

    @Test func tableRowIsThirtyBytes() {
        let table = ActivityTable()
        let row = Self.stride(of: table.kinds) + Self.stride(of: table.times) + Self.stride(of: table.lines)
            + Self.stride(of: table.members) + Self.stride(of: table.objects) + Self.stride(of: table.targets)
            + Self.stride(of: table.extras) + Self.stride(of: table.flags)
        #expect(row == 30)
    }

    @Test func memberStatesAreSixteenAndOneHundredTwentyEightBytes() {
        #expect(MemoryLayout<MemberState>.stride == 16, "MemberState is \(MemoryLayout<MemberState>.stride) bytes")
        #expect(MemoryLayout<ActivityMemberState>.stride == 128, "ActivityMemberState is \(MemoryLayout<ActivityMemberState>.stride) bytes")
    }

    /// Rows other than threads, replies, reactions and attendances read only the leading bytes
    /// of their member's activity state: the prefetch asks for those lines alone.
    @Test func activityStateLeadsWithTheFieldsEveryRowReads() throws {
        #expect(ActivitySection.leadingStateBytes == 96)
        let tail = [\ActivityMemberState.lastEngaged, \.weightMid, \.lastEngagedDay]
        for field in tail { #expect(try #require(MemoryLayout<ActivityMemberState>.offset(of: field)) >= 96) }
        let leading: [PartialKeyPath<ActivityMemberState>] = [
            \.join, \.lastSeen, \.lastActive, \.love, \.dayMask, \.presence, \.capCount, \.weightLow, \.capDay,
            \.lastActiveDay, \.retentionBits, \.bot, \.staff, \.engagedInWindow, \.visitActiveInWindow,
        ]
        for field in leading { #expect(try #require(MemoryLayout<ActivityMemberState>.offset(of: field)) < 96) }
    }

    @Test func threadAndPostStatesAreTwentyFourEightAndOneBytes() {
        #expect(MemoryLayout<ThreadState>.stride == 24, "ThreadState is \(MemoryLayout<ThreadState>.stride) bytes")
        #expect(MemoryLayout<PostLink>.stride == 8, "PostLink is \(MemoryLayout<PostLink>.stride) bytes")
        #expect(MemoryLayout<ActivityPost>.stride == 1, "ActivityPost is \(MemoryLayout<ActivityPost>.stride) bytes")
    }
}
