import CSQLite
import CommunityCore
@testable import CommunitySQLite
import Foundation
import Testing

@Suite struct SQLiteErrorMappingTests {
    let folder: TemporaryFolder
    let f = Fixtures()

    init() throws { folder = try TemporaryFolder() }

    @Test(arguments: [
        (SQLITE_BUSY, CommunityError.Code.storage), (SQLITE_LOCKED, .storage), (SQLITE_CORRUPT, .storage),
        (SQLITE_NOTADB, .storage), (SQLITE_IOERR, .storage), (SQLITE_FULL, .storage), (SQLITE_CANTOPEN, .storage),
        (SQLITE_CONSTRAINT, .conflict), (SQLiteError.constraintUnique, .conflict), (SQLiteError.constraintForeignKey, .conflict),
        (SQLITE_ERROR, .storage), (SQLITE_NOMEM, .storage),
    ])
    func mapsResultCodes(_ code: Int32, _ expected: CommunityError.Code) {
        let error = SQLiteError(extendedCode: code, message: "m", context: "testing").communityError
        #expect(error.code == expected)
        #expect(error.message.contains("testing"))
    }

    @Test func aFileThatIsNotADatabaseIsAStorageError() throws {
        let path = folder.path()
        try Data(repeating: 0x42, count: 8192).write(to: URL(fileURLWithPath: path))
        do {
            _ = try SQLiteCommunityStore(path: path)
            Issue.record("expected a storage error")
        } catch let error as CommunityError {
            #expect(error.code == .storage)
            #expect(error.message.contains("not a SQLite database"))
        }
    }

    @Test func anUnopenablePathIsAStorageError() {
        do {
            _ = try SQLiteCommunityStore(path: folder.path("no/such/folder/db.sqlite"))
            Issue.record("expected a storage error")
        } catch let error as CommunityError {
            #expect(error.code == .storage)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func badConfigurationIsInvalidInput() {
        for (path, configuration) in [
            ("", SQLiteCommunityStore.Configuration()),
            (":memory:", .init()),
            (folder.path(), .init(readerCount: 0)),
            (folder.path(), .init(busyTimeout: .seconds(-1))),
        ] {
            #expect(throws: CommunityError.self) { _ = try SQLiteCommunityStore(path: path, configuration: configuration) }
        }
    }

    @Test func aLockHeldBrieflyByAnotherProcessIsWaitedFor() async throws {
        let path = folder.path()
        let store = try SQLiteCommunityStore(path: path, configuration: .init(busyTimeout: .seconds(5)))
        let community = f.community()
        let other = try SQLiteDatabase(path: path, create: false, busyTimeout: .zero)
        try other.executeScript("BEGIN IMMEDIATE")
        // Release from a plain thread: under a loaded test run the cooperative pool may be busy,
        // and the release must not depend on it.
        // Only the release thread touches `other` from here on.
        nonisolated(unsafe) let holder = other
        let released = Thread.detachedRelease(after: 0.15) { try? holder.executeScript("COMMIT") }
        try await store.write { try await $0.insert(community) }  // waits, then succeeds: no busy error
        #expect(released.wait())
        #expect(try await store.read { try await $0.community(community.id) } == community)
    }

    @Test func aLockHeldTooLongIsAStorageErrorAndChangesNothing() async throws {
        let path = folder.path()
        let store = try SQLiteCommunityStore(path: path, configuration: .init(busyTimeout: .milliseconds(200)))
        let other = try SQLiteDatabase(path: path, create: false, busyTimeout: .zero)
        try other.executeScript("BEGIN IMMEDIATE")
        let community = f.community()
        let start = ContinuousClock.now
        do {
            try await store.write { try await $0.insert(community) }
            Issue.record("expected a storage error")
        } catch let error as CommunityError {
            #expect(error.code == .storage)
            #expect(error.message.contains("locked"))
        }
        #expect(ContinuousClock.now - start >= .milliseconds(200))
        try other.executeScript("ROLLBACK")
        #expect(try await store.read { try await $0.community(community.id) } == nil)
        try await store.write { try await $0.insert(community) }
    }

    @Test func writesInAReadTransactionAreRefused() async throws {
        let store = try SQLiteCommunityStore(path: folder.path())
        do {
            try await store.read { tx in
                try await (tx as? any StoreWriteTransaction)?.insert(f.community())
            }
            Issue.record("expected a storage error")
        } catch let error as CommunityError {
            #expect(error.code == .storage)
        }
    }
}

/// A one-shot action on its own OS thread, with a way to wait for it.
final class ThreadRelease: Sendable {
    private let done = DispatchSemaphore(value: 0)

    init(after delay: TimeInterval, _ action: @escaping @Sendable () -> Void) {
        let done = self.done
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: delay)
            action()
            done.signal()
        }
    }

    /// Waits (at most 30 s) for the action to have run.
    func wait() -> Bool { done.wait(timeout: .now() + 30) == .success }
}

extension Thread {
    static func detachedRelease(after delay: TimeInterval, _ action: @escaping @Sendable () -> Void) -> ThreadRelease {
        ThreadRelease(after: delay, action)
    }
}
