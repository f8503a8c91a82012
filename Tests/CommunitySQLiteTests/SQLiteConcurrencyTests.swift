import CommunityCore
import CommunitySQLite
import Foundation
import Testing

@Suite struct SQLiteConcurrencyTests {
    let folder: TemporaryFolder
    let f = Fixtures()

    init() throws { folder = try TemporaryFolder() }

    /// Each write inserts a member and its activity together; every read, taken at any moment,
    /// must see as many members as `member.joined` activities.
    @Test func concurrentReadersAndWritersSeeConsistentSnapshots() async throws {
        let store = try SQLiteCommunityStore(path: folder.path(), configuration: .init(readerCount: 3))
        let community = f.community()
        try await store.write { try await $0.insert(community) }
        let writers = 16, writesPerWriter = 25
        let inconsistencies = try await withThrowingTaskGroup(of: Int.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    for index in 0..<writesPerWriter {
                        let member = f.member(community.id, handle: "w\(writer)_\(index)")
                        try await store.write { tx in
                            try await tx.insert(member)
                            _ = try await tx.append(f.activity(community.id, actor: member.id))
                        }
                    }
                    return 0
                }
            }
            for _ in 0..<8 {
                group.addTask {
                    var bad = 0
                    for _ in 0..<40 {
                        let (members, activities) = try await store.read { tx in
                            (try await tx.memberCount(in: community.id, role: nil),
                             try await tx.activities(in: community.id, after: 0, limit: 10_000).count)
                        }
                        if members != activities { bad += 1 }
                        await Task.yield()
                    }
                    return bad
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(inconsistencies == 0)
        #expect(try await store.read { try await $0.memberCount(in: community.id, role: nil) } == writers * writesPerWriter)
        #expect(try await store.read { try await $0.lastActivitySequence() } == Int64(writers * writesPerWriter))
    }

    /// Read-modify-write bodies never lose an update, even with `await`s inside the body.
    @Test func readModifyWriteLosesNothing() async throws {
        let store = try SQLiteCommunityStore(path: folder.path())
        let community = {
            var community = f.community()
            community.description = "0"
            return community
        }()
        try await store.write { try await $0.insert(community) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<50 {
                group.addTask {
                    try await store.write { tx in
                        guard var current = try await tx.community(community.id) else { return }
                        await Task.yield()
                        current.description = String((Int(current.description) ?? 0) + 1)
                        try await tx.update(current)
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await store.read { try await $0.community(community.id) }?.description == "50")
    }

    /// Two stores on one file (as two processes would be) contend for the write lock: the busy
    /// retry absorbs it, and no busy error reaches the caller.
    @Test func twoStoresOnOneFileNeverSurfaceBusy() async throws {
        let path = folder.path()
        let first = try SQLiteCommunityStore(path: path)
        let second = try SQLiteCommunityStore(path: path)
        let community = f.community()
        try await first.write { try await $0.insert(community) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, store) in [first, second, first, second].enumerated() {
                group.addTask {
                    for n in 0..<30 {
                        let member = f.member(community.id, handle: "s\(index)_\(n)")
                        try await store.write { tx in
                            try await tx.insert(member)
                            _ = try await tx.append(f.activity(community.id, actor: member.id))
                        }
                        _ = try await store.read { try await $0.memberCount(in: community.id, role: nil) }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await second.read { try await $0.memberCount(in: community.id, role: nil) } == 120)
        #expect(try await first.read { try await $0.activities(in: community.id, after: 0, limit: 1000) }.map(\.sequence) == Array(1...120))
    }

    /// A read does not wait for a write in progress: it sees the last committed state.
    @Test func readsProceedWhileAWriteIsInProgress() async throws {
        let store = try SQLiteCommunityStore(path: folder.path(), configuration: .init(readerCount: 2))
        let community = f.community()
        try await store.write { try await $0.insert(community) }
        let (entered, enteredContinuation) = AsyncStream.makeStream(of: Void.self)
        let (release, releaseContinuation) = AsyncStream.makeStream(of: Void.self)
        let writer = Task {
            try await store.write { tx in
                try await tx.insert(f.member(community.id, handle: "pending"))
                enteredContinuation.yield()
                for await _ in release { break }
            }
        }
        for await _ in entered { break }
        // The write holds the writer connection, uncommitted; reads run and do not see it.
        #expect(try await store.read { try await $0.memberCount(in: community.id, role: nil) } == 0)
        #expect(try await store.read { try await $0.member(handle: "pending", in: community.id) } == nil)
        releaseContinuation.yield()
        try await writer.value
        #expect(try await store.read { try await $0.memberCount(in: community.id, role: nil) } == 1)
    }
}
