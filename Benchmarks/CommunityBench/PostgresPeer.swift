#if Postgres
import Foundation
import PostgresNIO

/// The raw PostgreSQL peer of the `postgres` backend (`bench/peers/pg_setup.sql` and
/// `pg_post_create.sql`): the rows a reply writes (the post, returning its id; the thread's
/// counters; the activity) in one transaction per reply, through prepared statements on plain
/// PostgresNIO connections, one per writer, on the SDK's server (same durability settings).
/// Its tables live in ``PostgresBenchServer/peerSchema``; thread `i` of the workload has id `i + 1`.
final class PostgresPeer: Sendable {
    /// Creates the peer's tables and threads (`pg_setup.sql`, as many threads as the workload).
    init(threads: Int) async throws {
        let schema = PostgresBenchServer.peerSchema
        let setup = [
            "CREATE SCHEMA \(schema)",
            "CREATE TABLE \(schema).threads(id bigint PRIMARY KEY, space int, title text, reply_count int, last_activity timestamptz, last_post bigint)",
            "CREATE INDEX threads_space_activity ON \(schema).threads(space, last_activity DESC)",
            "CREATE TABLE \(schema).posts(id bigserial PRIMARY KEY, thread bigint, author bigint, body text, created timestamptz)",
            "CREATE INDEX posts_thread ON \(schema).posts(thread, id)",
            "CREATE TABLE \(schema).activities(seq bigserial PRIMARY KEY, actor bigint, verb text, subject bigint, space int, t timestamptz)",
            "INSERT INTO \(schema).threads SELECT g, g % 20, 'Titre de la discussion', 0, now(), 0 FROM generate_series(1, \(max(1, threads))) g",
            "VACUUM ANALYZE \(schema).threads",
        ]
        try await PostgresBenchServer.withConnection { connection in
            for sql in setup {
                _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: PostgresBenchServer.logger)
            }
        }
    }

    /// Writes `replies` split over `writers` concurrent tasks, each on a connection of its own
    /// (opened, and its statements prepared, before the clock starts); wall time covers them all.
    func postCreate(_ replies: ArraySlice<ReplyInput>, writers: Int) async throws -> Samples {
        var connections: [PostgresConnection] = []
        do {
            for id in 0..<writers {
                let connection = try await PostgresBenchServer.connect(id: id + 1)
                connections.append(connection)
                try await Self.prepare(connection)
            }
        } catch {
            for connection in connections { try? await connection.close() }
            throw error
        }
        let slices = replies.split(into: writers)
        let work = zip(connections, slices).map { (connection: $0, replies: $1) }
        let start = monotonicNanoseconds()
        let series: [Samples]
        do {
            series = try await withThrowingTaskGroup(of: Samples.self) { group in
                for item in work {
                    group.addTask { try await measure(item.replies) { try await Self.reply($0, on: item.connection) } }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        } catch {
            for connection in connections { try? await connection.close() }
            throw error
        }
        let wall = monotonicNanoseconds() - start
        for connection in connections { try await connection.close() }
        return Samples.merged(series, wallNanoseconds: wall)
    }

    /// One reply: `BEGIN`, the post, the thread's counters, the activity, `COMMIT`.
    private static func reply(_ input: ReplyInput, on connection: PostgresConnection) async throws {
        let logger = PostgresBenchServer.logger
        let thread = Int64(input.thread + 1), author = Int64(input.member + 1)
        do {
            _ = try await connection.execute(PostgresPeerStatements.Begin(), logger: logger)
            var post: Int64?
            for try await id in try await connection.execute(PostgresPeerStatements.InsertPost(thread: thread, author: author, body: input.body),
                                                             logger: logger) {
                post = id
            }
            guard let post else { throw BenchError("postgres-raw: the post insert returned no id") }
            _ = try await connection.execute(PostgresPeerStatements.UpdateThread(thread: thread, post: post), logger: logger)
            _ = try await connection.execute(PostgresPeerStatements.InsertActivity(actor: author, subject: post, space: Int32(thread % 20)),
                                             logger: logger)
            _ = try await connection.execute(PostgresPeerStatements.Commit(), logger: logger)
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }

    /// Prepares statements on `connection`, untimed: a transaction that updates no row (thread 0).
    private static func prepare(_ connection: PostgresConnection) async throws {
        let logger = PostgresBenchServer.logger
        _ = try await connection.execute(PostgresPeerStatements.Begin(), logger: logger)
        _ = try await connection.execute(PostgresPeerStatements.UpdateThread(thread: 0, post: 0), logger: logger)
        _ = try await connection.execute(PostgresPeerStatements.Commit(), logger: logger)
    }
}
#endif
