import CommunityCore
import Foundation

/// Occurrence overrides over the `occurrence_overrides` table of migration 3, as in memory: one per
/// event and occurrence key, listed by key; storing one needs its event in the same community
/// (`notFound`, field `event`).
extension SQLiteTransaction: OverrideWriteTransaction {
    func overrides(of event: EventID) async throws -> [OccurrenceOverride] {
        try run { db in try db.query(SQLiteQueries.overridesOfEvent, [.id(event)], row: SQLiteRecords.override) }
    }

    func upsert(_ override: OccurrenceOverride) async throws {
        let values = SQLiteRecords.values(override)
        try runWrite { db in
            guard try Self.exists(
                db, "SELECT 1 FROM events WHERE id = ? AND community_id = ?", [.id(override.eventID), .id(override.communityID)])
            else {
                throw CommunityError.notFound("no event with id \(override.eventID) in this community", field: "event")
            }
            try db.execute(
                """
                INSERT INTO occurrence_overrides (\(SQLiteRecords.overrideColumns)) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
                ON CONFLICT (event_id, occurrence) DO UPDATE SET
                    community_id = excluded.community_id, is_cancelled = excluded.is_cancelled, start = excluded.start,
                    duration = excluded.duration, title = excluded.title, description = excluded.description,
                    location_kind = excluded.location_kind, location_address = excluded.location_address,
                    location_join_url = excluded.location_join_url, updated_at = excluded.updated_at
                """, values)
        }
    }
}
