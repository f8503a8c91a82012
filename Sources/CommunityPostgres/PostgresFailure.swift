#if Postgres
import CommunityCore
import PostgresNIO

/// How a PostgreSQL failure is handled: retried inside the store, or surfaced as a ``CommunityError``.
enum PostgresFailure {
    /// SQLSTATE 40001 (serialization failure), 40P01 (deadlock) and 53200 (out of shared memory:
    /// the lock tables, predicate locks above all, are full while many serializable transactions
    /// overlap): the server rolled the transaction back and it can run again.
    static func isRetryable(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError else { return false }
        if error.code == .server, let state = error.serverInfo?[.sqlState] { return ["40001", "40P01", "53200"].contains(state) }
        return false
    }

    /// The connection is gone (closed by the server, the network or a terminated backend): the
    /// server rolled back any open transaction.
    static func isConnectionLoss(_ error: any Error) -> Bool {
        if error is ConnectionClosed { return true }
        guard let error = error as? PSQLError else { return false }
        switch error.code {
        case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown: return true
        case .server:
            // 57P01 admin_shutdown (pg_terminate_backend), 57P02 crash_shutdown, 57P03 cannot_connect_now.
            return error.serverInfo?[.sqlState].map { $0.hasPrefix("57P") || $0.hasPrefix("08") } ?? false
        default: return false
        }
    }

    /// The pooled connection was already closed when a statement was about to run. (PostgresNIO
    /// does not answer a query written to a closed channel, so the store checks first.)
    struct ConnectionClosed: Error {}

    /// Runs `query` on `connection` and collects its rows, failing fast on a closed connection.
    static func rows(_ connection: PostgresConnection, _ query: PostgresQuery) async throws -> [PostgresRow] {
        guard !connection.isClosed else { throw ConnectionClosed() }
        return try await connection.query(query, logger: PostgresTransaction.logger).collect()
    }

    /// `error` as a ``CommunityError``: community errors pass through; PostgreSQL errors become
    /// `conflict` (unique violation), `storage` (everything else) with an actionable message.
    static func mapping(_ error: any Error) -> any Error {
        if error is CommunityError || error is CancellationError { return error }
        if error is ConnectionClosed {
            return CommunityError(.storage, "the connection to PostgreSQL was lost; the transaction was rolled back by the server. "
                + "Check that the server is up and reachable; the store reconnects on the next transaction")
        }
        guard let psql = error as? PSQLError else { return error }
        if isConnectionLoss(psql) {
            return CommunityError(.storage, "the connection to PostgreSQL was lost (\(psql.code)); the transaction was rolled back by the server. "
                + "Check that the server is up and reachable; the store reconnects on the next transaction")
        }
        if psql.code == .poolClosed {
            return CommunityError(.storage, "the PostgreSQL connection pool is shut down: the store's run() has ended")
        }
        guard psql.code == .server, let info = psql.serverInfo else {
            return CommunityError(.storage, "PostgreSQL client failure: \(psql.code)")
        }
        let state = info[.sqlState] ?? "?????"
        let message = info[.message] ?? "no message"
        switch state {
        case "23505":
            return CommunityError(.conflict, "a record with the same unique key already exists (\(info[.constraintName] ?? "unique constraint"))")
        case "40001", "40P01":
            return CommunityError(.storage, "the write kept conflicting with concurrent writes (\(state): \(message)); it was retried "
                + "up to the configured maxWriteAttempts; try again later or raise maxWriteAttempts")
        case "53200":
            return CommunityError(.storage, "PostgreSQL ran out of lock memory (\(message)) even after retries; raise "
                + "max_pred_locks_per_transaction and max_locks_per_transaction on the server (serializable transactions need more)")
        case "28P01", "28000":
            return CommunityError(.storage, "PostgreSQL refused the credentials (\(state)): \(message)")
        case "3D000":
            return CommunityError(.storage, "the PostgreSQL database does not exist (\(state)): \(message)")
        case "42501":
            return CommunityError(.storage, "the PostgreSQL role lacks a privilege (\(state)): \(message)")
        default:
            return CommunityError(.storage, "PostgreSQL error \(state): \(message)")
        }
    }
}
#endif
