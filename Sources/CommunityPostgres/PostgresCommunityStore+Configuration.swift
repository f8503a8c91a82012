#if Postgres
import CommunityCore

extension PostgresCommunityStore {
    /// How a store reaches its PostgreSQL server and how it behaves under contention.
    ///
    /// ```swift
    /// var configuration = PostgresCommunityStore.Configuration(
    ///     host: "db.internal", username: "community", password: secret, database: "community")
    /// configuration.tls = .require
    /// configuration.poolSize = 8
    /// ```
    public struct Configuration: Sendable, Hashable {
        /// Whether the connection is encrypted.
        public enum TLS: String, Sendable, Hashable, CaseIterable {
            /// Plain TCP (a server on the same host or a private network).
            case disable
            /// TLS with the system's trust roots and host-name verification; fails if the server refuses TLS.
            case require
        }

        /// The server's host name or address.
        public var host: String
        /// The server's port.
        public var port: Int
        /// The role to connect as.
        public var username: String
        /// Its password, if the server asks for one.
        public var password: String?
        /// The database to use.
        public var database: String
        /// Whether to encrypt the connection. Default `.disable`.
        public var tls: TLS
        /// How many connections transactions share (1…256). One more connection, taken from the
        /// same server, listens for other instances' activity notifications. Default 8.
        public var poolSize: Int
        /// The schema holding CommunityKit's tables, created if absent (default `public`). Several
        /// independent stores can share a database with one schema each.
        public var schema: String
        /// How many times a write transaction runs at most when PostgreSQL reports a serialization
        /// failure (40001) or a deadlock (40P01), or loses the connection before `COMMIT` (default 50).
        public var maxWriteAttempts: Int

        /// Creates a configuration.
        public init(host: String, port: Int = 5432, username: String, password: String? = nil, database: String,
                    tls: TLS = .disable, poolSize: Int = 8, schema: String = "public", maxWriteAttempts: Int = 50) {
            self.host = host
            self.port = port
            self.username = username
            self.password = password
            self.database = database
            self.tls = tls
            self.poolSize = poolSize
            self.schema = schema
            self.maxWriteAttempts = maxWriteAttempts
        }

        /// Throws `invalidInput` naming the first unusable setting.
        func validate() throws {
            guard !host.isEmpty else { throw CommunityError.invalidInput("the PostgreSQL host is empty", field: "host") }
            guard (1...65535).contains(port) else {
                throw CommunityError.invalidInput("the PostgreSQL port must be between 1 and 65535; got \(port)", field: "port")
            }
            guard !username.isEmpty else { throw CommunityError.invalidInput("the PostgreSQL user name is empty", field: "username") }
            guard !database.isEmpty else { throw CommunityError.invalidInput("the PostgreSQL database name is empty", field: "database") }
            guard (1...256).contains(poolSize) else {
                throw CommunityError.invalidInput("poolSize must be between 1 and 256; got \(poolSize)", field: "poolSize")
            }
            try PostgresCommunityStore.validate(schema: schema, maxWriteAttempts: maxWriteAttempts)
        }
    }

    /// Throws `invalidInput` for a schema name that is not a plain identifier or a bad attempt count.
    static func validate(schema: String, maxWriteAttempts: Int) throws {
        let allowed = schema.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        guard !schema.isEmpty, schema.count <= 40, allowed, let first = schema.unicodeScalars.first, !("0"..."9").contains(first) else {
            throw CommunityError.invalidInput(
                "the schema name must be 1 to 40 lowercase letters, digits or underscores, not starting with a digit; got '\(schema)'",
                field: "schema")
        }
        guard (1...1000).contains(maxWriteAttempts) else {
            throw CommunityError.invalidInput("maxWriteAttempts must be between 1 and 1000; got \(maxWriteAttempts)", field: "maxWriteAttempts")
        }
    }
}
#endif
