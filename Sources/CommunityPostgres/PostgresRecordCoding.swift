#if Postgres
import CommunityCore
import Foundation

/// Records are stored as JSON (`bytea`) beside the indexed columns their queries need.
///
/// The JSON is the records' own `Codable` form (dates as seconds since 2001, identifiers as UUID
/// text), so a record round-trips exactly; a few columns that a query changes in place
/// (`inbox_items.read_at`, `activities.sequence`) override the JSON when a row is read.
enum PostgresRecordCoding {
    /// Encodes `value`; a value JSON cannot hold (a NaN or infinite date) is `invalidInput`.
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        do {
            return try encoder.encode(value)
        } catch {
            throw CommunityError.invalidInput("the \(T.self) cannot be stored: \(error)", field: "\(T.self)")
        }
    }

    /// Decodes a stored row; an undecodable one is a `storage` error naming the table.
    static func decode<T: Decodable>(_ type: T.Type, _ data: Data, table: String) throws -> T {
        do {
            return try decoder.decode(type, from: data)
        } catch {
            throw CommunityError(.storage, "a row of \(table) does not hold a valid \(T.self) (the database was changed outside CommunityKit?)")
        }
    }

    /// One encoder and one decoder for every record: they hold no per-call state (as
    /// `SQLiteRecords`' coders), and building one per row cost more than small records do.
    private static let encoder = JSONEncoder()
    private static let decoder = JSONDecoder()

    /// Seconds since 2001-01-01 (Foundation's reference date), the form of every date column.
    static func seconds(_ date: Date) -> Double { date.timeIntervalSinceReferenceDate }

    /// The date of a date column.
    static func date(_ seconds: Double) -> Date { Date(timeIntervalSinceReferenceDate: seconds) }
}
#endif
