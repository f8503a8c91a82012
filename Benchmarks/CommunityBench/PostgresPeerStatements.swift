#if Postgres
import Foundation
import PostgresNIO

/// The prepared statements of the raw PostgreSQL peer (`bench/peers/pg_post_create.sql`, which
/// pgbench runs with `-M prepared`, and the raw reads): PostgresNIO prepares each once per
/// connection, then only binds and executes it.
enum PostgresPeerStatements {
    static let schema = PostgresBenchServer.peerSchema
    static let sdkSchema = PostgresBenchServer.sdkSchema

    /// The bindings of a statement's parameters `$1`, `$2`, … in order.
    static func bindings<each Value: PostgresNonThrowingEncodable>(_ values: repeat each Value) -> PostgresBindings {
        var bindings = PostgresBindings()
        repeat bindings.append(each values)
        return bindings
    }

    /// `thread.page` on the SDK's own table: 50 posts after a number, by the `(thread_id, number)` index.
    struct ThreadPage: PostgresPreparedStatement {
        typealias Row = (UUID, Int64, UUID?, String, Double)
        static let sql = """
            SELECT id, number, author_id, body_text, created_at FROM \(sdkSchema).posts
            WHERE thread_id = $1 AND number > $2 ORDER BY number LIMIT 50
            """
        var thread: UUID
        var after: Int64

        func makeBindings() throws -> PostgresBindings { PostgresPeerStatements.bindings(thread, after) }

        func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
    }

    /// `space.threads` on the SDK's own table: 30 threads by last activity, by `threads_by_activity`.
    struct SpaceThreads: PostgresPreparedStatement {
        typealias Row = (UUID, String, Int64)
        static let sql = """
            SELECT id, title, last_activity_ms FROM \(sdkSchema).threads
            WHERE space_id = $1 AND NOT is_deleted ORDER BY last_activity_ms DESC, id DESC LIMIT 30
            """
        var space: UUID

        func makeBindings() throws -> PostgresBindings { PostgresPeerStatements.bindings(space) }

        func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
    }

    struct Begin: PostgresPreparedStatement {
        typealias Row = ()
        static let sql = "BEGIN"
        func makeBindings() throws -> PostgresBindings { PostgresBindings() }
        func decodeRow(_ row: PostgresRow) throws {}
    }

    struct Commit: PostgresPreparedStatement {
        typealias Row = ()
        static let sql = "COMMIT"
        func makeBindings() throws -> PostgresBindings { PostgresBindings() }
        func decodeRow(_ row: PostgresRow) throws {}
    }

    /// The post, its id returned.
    struct InsertPost: PostgresPreparedStatement {
        typealias Row = Int64
        static let sql = "INSERT INTO \(schema).posts(thread, author, body, created) VALUES ($1, $2, $3, now()) RETURNING id"
        var thread: Int64
        var author: Int64
        var body: String

        func makeBindings() throws -> PostgresBindings { PostgresPeerStatements.bindings(thread, author, body) }

        func decodeRow(_ row: PostgresRow) throws -> Int64 { try row.decode(Int64.self) }
    }

    /// The thread's counters.
    struct UpdateThread: PostgresPreparedStatement {
        typealias Row = ()
        static let sql = "UPDATE \(schema).threads SET reply_count = reply_count + 1, last_activity = now(), last_post = $2 WHERE id = $1"
        var thread: Int64
        var post: Int64

        func makeBindings() throws -> PostgresBindings { PostgresPeerStatements.bindings(thread, post) }

        func decodeRow(_ row: PostgresRow) throws {}
    }

    /// The activity.
    struct InsertActivity: PostgresPreparedStatement {
        typealias Row = ()
        static let sql = "INSERT INTO \(schema).activities(actor, verb, subject, space, t) VALUES ($1, 'post.create', $2, $3, now())"
        var actor: Int64
        var subject: Int64
        var space: Int32

        func makeBindings() throws -> PostgresBindings { PostgresPeerStatements.bindings(actor, subject, space) }

        func decodeRow(_ row: PostgresRow) throws {}
    }
}
#endif
