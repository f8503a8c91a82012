#if Postgres
import CommunityCore
import CommunityPostgres
import PostgresNIO
import Synchronization

/// Stores created by a test, each with its `run()` task; `shutdown()` cancels them.
final class RunningStores: Sendable {
    private let tasks = Mutex<[Task<Void, Never>]>([])

    /// A running, opened store on `configuration`.
    func make(_ configuration: PostgresCommunityStore.Configuration = PostgresTestServer.configuration()) async throws -> PostgresCommunityStore {
        let store = try PostgresCommunityStore(configuration: configuration)
        let task = Task { do { try await store.run() } catch {} }
        tasks.withLock { $0.append(task) }
        try await store.open()
        return store
    }

    /// A running, opened store on a PostgresNIO client the test owns and runs (the host's
    /// setup: the client sets no `search_path`, the store sets it in each transaction).
    func makeOnOwnClient(_ configuration: PostgresCommunityStore.Configuration) async throws -> PostgresCommunityStore {
        let client = PostgresClient(configuration: .init(
            host: configuration.host, port: configuration.port, username: configuration.username, password: configuration.password,
            database: configuration.database, tls: .disable))
        let store = try PostgresCommunityStore(client: client, schema: configuration.schema, concurrentWrites: 3)
        let clientTask = Task { await client.run() }
        let storeTask = Task { do { try await store.run() } catch {} }
        tasks.withLock { $0 += [storeTask, clientTask] }
        try await store.open()
        return store
    }

    /// Cancels every store's run task and waits for them to end.
    func shutdown() async {
        let running = tasks.withLock { tasks in
            defer { tasks = [] }
            return tasks
        }
        for task in running { task.cancel() }
        for task in running { await task.value }
    }

    /// Runs `body` with a fresh set of stores, shut down afterwards.
    static func with<T>(_ body: (RunningStores) async throws -> T) async throws -> T {
        let stores = RunningStores()
        do {
            let result = try await body(stores)
            await stores.shutdown()
            return result
        } catch {
            await stores.shutdown()
            throw error
        }
    }
}
#endif
