#if Postgres
import CommunityCore
import Foundation
import PostgresNIO

/// The raw PostgreSQL peer of the `postgres` backend's reads: the equivalent indexed query on
/// the SDK's own tables (the same rows), a named prepared statement on one plain PostgresNIO
/// connection, every row decoded into column values as a driver would, no records built.
final class PostgresReadPeer: Sendable {
    private let threads: [UUID]
    private let spaces: [UUID]

    /// A peer reading the rows `fixture` loaded.
    init(fixture: SDKFixture) {
        threads = fixture.threads.map(\.uuid)
        spaces = fixture.spaces.map(\.uuid)
    }

    /// `thread.page`: thread index and number after which the page starts.
    func threadPage(_ inputs: ArraySlice<(thread: Int, after: Int)>) async throws -> Samples {
        try await Self.timed(inputs) { input, connection in
            var count = 0
            let statement = PostgresPeerStatements.ThreadPage(thread: threads[input.thread], after: Int64(input.after))
            for try await _ in try await connection.execute(statement, logger: PostgresBenchServer.logger) { count += 1 }
            guard count > 0 else { throw BenchError("postgres-raw thread.page returned no post") }
        }
    }

    /// `space.threads`: space index.
    func spaceThreads(_ inputs: ArraySlice<Int>) async throws -> Samples {
        try await Self.timed(inputs) { space, connection in
            var count = 0
            let statement = PostgresPeerStatements.SpaceThreads(space: spaces[space])
            for try await _ in try await connection.execute(statement, logger: PostgresBenchServer.logger) { count += 1 }
            guard count > 0 else { throw BenchError("postgres-raw space.threads returned no thread") }
        }
    }

    /// Times `query` once per input on a connection of its own (opened before the clock starts;
    /// the statement is prepared on the first input).
    private static func timed<Input>(_ inputs: ArraySlice<Input>,
                                     _ query: (Input, PostgresConnection) async throws -> Void) async throws -> Samples {
        let connection = try await PostgresBenchServer.connect(id: 100)
        do {
            let samples = try await measure(inputs) { try await query($0, connection) }
            try await connection.close()
            return samples
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
#endif
