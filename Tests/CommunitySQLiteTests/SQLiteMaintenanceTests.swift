import CommunityCore
import CommunitySQLite
import Foundation
import Testing

@Suite struct SQLiteMaintenanceTests {
    let folder: TemporaryFolder
    let f = Fixtures()

    init() throws { folder = try TemporaryFolder() }

    @Test func backupIsACompleteUsableCopy() async throws {
        let store = try SQLiteCommunityStore(path: folder.path())
        let community = f.community()
        try await store.write { tx in
            try await tx.insert(community)
            for index in 0..<200 { try await tx.insert(f.member(community.id, handle: "user\(index)")) }
            _ = try await tx.append(f.activity(community.id))
        }
        let destination = folder.path("backup.sqlite")
        // Writes go on while the backup runs.
        async let writes: Void = {
            for index in 0..<20 {
                try await store.write { try await $0.insert(f.member(community.id, handle: "late\(index)")) }
            }
        }()
        try await store.backup(to: destination)
        try await writes
        #expect(try await store.integrityCheck().isEmpty)

        let copy = try SQLiteCommunityStore(path: destination)
        #expect(try await copy.integrityCheck().isEmpty)
        #expect(try await copy.read { try await $0.community(community.id) } == community)
        let count = try await copy.read { try await $0.memberCount(in: community.id, role: nil) }
        #expect((200...220).contains(count))
        #expect(try await copy.read { try await $0.lastActivitySequence() } == 1)

        // Backing up again replaces the previous copy.
        try await store.backup(to: folder.path("backup2.sqlite"))
        let second = try SQLiteCommunityStore(path: folder.path("backup2.sqlite"))
        #expect(try await second.read { try await $0.memberCount(in: community.id, role: nil) } == 220)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.contains(".partial-") }
        #expect(leftovers.isEmpty)
    }

    @Test func backupRefusesToOverwriteItsOwnDatabase() async throws {
        let store = try SQLiteCommunityStore(path: folder.path())
        do {
            try await store.backup(to: folder.path())
            Issue.record("expected invalidInput")
        } catch let error as CommunityError {
            #expect(error.code == .invalidInput)
        }
        await #expect(throws: CommunityError.self) { try await store.backup(to: "") }
    }

    @Test func backupToAnUnwritableFolderIsAStorageError() async throws {
        let store = try SQLiteCommunityStore(path: folder.path())
        do {
            try await store.backup(to: folder.path("missing-folder/backup.sqlite"))
            Issue.record("expected a storage error")
        } catch let error as CommunityError {
            #expect(error.code == .storage)
        }
    }

    @Test func integrityCheckReportsDamage() async throws {
        let path = folder.path()
        let community = f.community()
        do {
            let store = try SQLiteCommunityStore(path: path)
            try await store.write { tx in
                try await tx.insert(community)
                for index in 0..<2000 { try await tx.insert(f.member(community.id, handle: "user\(index)", name: "Member number \(index)")) }
            }
            #expect(try await store.integrityCheck().isEmpty)
        }
        try rawExecute(path, "PRAGMA wal_checkpoint(TRUNCATE)")
        // Overwrite a page in the middle of the file with garbage.
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size / 2 / 4096 * 4096 + 100)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 3000))
        try handle.close()

        do {
            let store = try SQLiteCommunityStore(path: path)
            let problems = try await store.integrityCheck()
            #expect(!problems.isEmpty)
        } catch let error as CommunityError {
            // Opening or checking may also fail outright on a damaged file: that is a storage error.
            #expect(error.code == .storage)
        }
    }
}
