import CommunityCore
@testable import CommunitySQLite
import Foundation
import Testing

/// The write-ahead log is checkpointed by the store's own checkpointer (SQLite's automatic
/// checkpoint is replaced): after thousands of pages of small commits the log stays near the
/// 1,000-page threshold instead of growing with every write, and nothing written is lost.
@Suite struct SQLiteCheckpointTests {
    @Test func theLogStaysNearTheThresholdAndEveryWriteIsKept() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path()
        let store = try SQLiteCommunityStore(path: path)
        let fixtures = Fixtures()
        let community = fixtures.community()
        try await store.write { try await $0.insert(community) }
        // About 5 pages per commit, 800 commits: some 4,000 pages through the log.
        let bio = String(repeating: "é", count: 8_000)
        for index in 0..<800 {
            var member = fixtures.member(community.id, handle: "m\(index)")
            member.bio = bio
            try await store.write { try await $0.insert(member) }
        }
        let walBytes = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int ?? 0
        #expect(walBytes < 2_000 * 4_096, "the log holds \(walBytes / 4_096) pages")
        #expect(try await store.read { try await $0.memberCount(in: community.id, role: nil) } == 800)
        #expect(try await store.integrityCheck().isEmpty)
    }
}
