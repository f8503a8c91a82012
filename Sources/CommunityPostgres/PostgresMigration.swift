#if Postgres
import CommunityCore
import Foundation

/// One step of the PostgreSQL schema: applied once, in the migration transaction, and recorded in
/// `schema_version`.
struct PostgresMigration: Sendable {
    /// The version the schema has after this step (1, 2, …, without gaps).
    let version: Int
    /// What the step does, for the record.
    let summary: String
    /// The statements of the step, separated by `;` at the end of a line. `{{unaccent}}` stands for
    /// the schema-qualified `unaccent` function of the extension.
    let sql: String

    /// The statements, one by one (the extended protocol runs one statement per query).
    func statements(unaccentSchema: String) -> [String] {
        sql.replacingOccurrences(of: "{{unaccent}}", with: "\"\(unaccentSchema)\".unaccent")
            .components(separatedBy: ";\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }
}

extension PostgresMigration {
    /// Every migration this release knows, oldest first. Append only: never edit a shipped step.
    ///
    /// Each record is its JSON (`body bytea`) beside the columns its queries filter and sort on.
    /// Identifiers are `uuid` (byte order is identifier order); dates in columns are `float8`
    /// seconds since 2001-01-01; text keys that queries sort are `COLLATE "C"` (code-point order,
    /// as in the other backends).
    static let all: [PostgresMigration] = [
        PostgresMigration(version: 1, summary: "communities, members, spaces, activities, discussions, inbox, events, live sessions, search", sql: """
            CREATE FUNCTION community_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
                AS $$ SELECT {{unaccent}}('{{unaccent}}'::regdictionary, $1) $$;
            CREATE TABLE communities (id uuid PRIMARY KEY, slug text NOT NULL UNIQUE, body bytea NOT NULL);
            CREATE TABLE members (
                id uuid PRIMARY KEY, community_id uuid NOT NULL REFERENCES communities(id), handle text NOT NULL,
                role text NOT NULL, body bytea NOT NULL, UNIQUE (community_id, handle));
            CREATE INDEX members_by_community ON members (community_id, id);
            CREATE INDEX members_by_role ON members (community_id, role);
            CREATE TABLE member_tokens (
                community_id uuid NOT NULL, token text COLLATE "C" NOT NULL, member_id uuid NOT NULL REFERENCES members(id) ON DELETE CASCADE,
                PRIMARY KEY (community_id, token, member_id));
            CREATE INDEX member_tokens_by_member ON member_tokens (member_id);
            CREATE TABLE spaces (
                id uuid PRIMARY KEY, community_id uuid NOT NULL REFERENCES communities(id), slug text NOT NULL, body bytea NOT NULL,
                UNIQUE (community_id, slug));
            CREATE INDEX spaces_by_community ON spaces (community_id, id);
            CREATE TABLE memberships (
                space_id uuid NOT NULL, member_id uuid NOT NULL, community_id uuid NOT NULL, body bytea NOT NULL,
                PRIMARY KEY (space_id, member_id));
            CREATE INDEX memberships_by_member ON memberships (member_id, space_id);
            CREATE TABLE invitations (id uuid PRIMARY KEY, community_id uuid NOT NULL, token text NOT NULL UNIQUE, body bytea NOT NULL);
            CREATE TABLE join_requests (
                id uuid PRIMARY KEY, community_id uuid NOT NULL, space_id uuid NOT NULL, member_id uuid NOT NULL,
                state text NOT NULL, body bytea NOT NULL);
            CREATE INDEX join_requests_by_space ON join_requests (space_id, state, id);
            CREATE INDEX join_requests_by_member ON join_requests (member_id);
            CREATE UNIQUE INDEX join_requests_pending ON join_requests (space_id, member_id) WHERE state = 'pending';
            CREATE SEQUENCE activity_sequence;
            CREATE TABLE activities (
                sequence bigint PRIMARY KEY, community_id uuid NOT NULL, space_id uuid, body bytea NOT NULL);
            CREATE INDEX activities_by_community ON activities (community_id, sequence);
            CREATE INDEX activities_by_space ON activities (space_id, sequence) WHERE space_id IS NOT NULL;
            CREATE TABLE community_discussion_settings (community_id uuid PRIMARY KEY, body bytea NOT NULL);
            CREATE TABLE space_discussion_settings (space_id uuid PRIMARY KEY, body bytea NOT NULL);
            CREATE TABLE threads (
                id uuid PRIMARY KEY, community_id uuid NOT NULL, space_id uuid NOT NULL, title text NOT NULL,
                is_deleted boolean NOT NULL, is_unanswered boolean NOT NULL, pin_order bigint,
                last_activity_ms bigint NOT NULL, created_ms bigint NOT NULL, reaction_count bigint NOT NULL, body bytea NOT NULL);
            CREATE INDEX threads_by_activity ON threads (space_id, last_activity_ms, id) WHERE NOT is_deleted;
            CREATE INDEX threads_by_creation ON threads (space_id, created_ms, id) WHERE NOT is_deleted;
            CREATE INDEX threads_by_reactions ON threads (space_id, reaction_count, id) WHERE NOT is_deleted;
            CREATE INDEX threads_unanswered ON threads (space_id, created_ms, id) WHERE NOT is_deleted AND is_unanswered;
            CREATE INDEX threads_pinned ON threads (space_id, pin_order, id) WHERE pin_order IS NOT NULL AND NOT is_deleted;
            CREATE TABLE posts (
                id uuid PRIMARY KEY, community_id uuid NOT NULL, space_id uuid NOT NULL, thread_id uuid NOT NULL,
                number bigint NOT NULL, author_id uuid, created_at float8 NOT NULL, is_live boolean NOT NULL,
                body_text text NOT NULL, search tsvector, body bytea NOT NULL, UNIQUE (thread_id, number));
            CREATE INDEX posts_by_author ON posts (author_id, created_at) WHERE author_id IS NOT NULL;
            CREATE INDEX posts_by_author_in_space ON posts (author_id, space_id, created_at) WHERE author_id IS NOT NULL;
            CREATE INDEX posts_search ON posts USING gin (search);
            CREATE TABLE post_revisions (seq bigserial PRIMARY KEY, post_id uuid NOT NULL, body bytea NOT NULL);
            CREATE INDEX post_revisions_by_post ON post_revisions (post_id, seq);
            CREATE TABLE reactions (
                post_id uuid NOT NULL, member_id uuid NOT NULL, emoji text COLLATE "C" NOT NULL, body bytea NOT NULL,
                PRIMARY KEY (post_id, member_id, emoji));
            CREATE TABLE read_markers (member_id uuid NOT NULL, thread_id uuid NOT NULL, body bytea NOT NULL, PRIMARY KEY (member_id, thread_id));
            CREATE TABLE space_read_marks (member_id uuid NOT NULL, space_id uuid NOT NULL, body bytea NOT NULL, PRIMARY KEY (member_id, space_id));
            CREATE TABLE follows (
                target_kind text NOT NULL, target_id uuid NOT NULL, member_id uuid NOT NULL, PRIMARY KEY (target_kind, target_id, member_id));
            CREATE TABLE inbox_items (
                id uuid PRIMARY KEY, community_id uuid NOT NULL, member_id uuid NOT NULL, read_at float8, body bytea NOT NULL);
            CREATE INDEX inbox_by_member ON inbox_items (member_id, id);
            CREATE INDEX inbox_unread ON inbox_items (member_id, id) WHERE read_at IS NULL;
            CREATE TABLE flags (
                id uuid PRIMARY KEY, community_id uuid NOT NULL, post_id uuid NOT NULL, is_open boolean NOT NULL, body bytea NOT NULL);
            CREATE INDEX flags_by_post ON flags (post_id, id);
            CREATE INDEX flags_open ON flags (community_id, id) WHERE is_open;
            CREATE TABLE events (id uuid PRIMARY KEY, community_id uuid NOT NULL REFERENCES communities(id), body bytea NOT NULL);
            CREATE INDEX events_by_community ON events (community_id, id);
            CREATE TABLE event_rsvps (
                event_id uuid NOT NULL, occurrence text COLLATE "C" NOT NULL, member_id uuid NOT NULL, response text NOT NULL,
                waitlist_number bigint, body bytea NOT NULL, PRIMARY KEY (event_id, occurrence, member_id));
            CREATE INDEX event_rsvps_by_response ON event_rsvps (event_id, occurrence, response, member_id);
            CREATE INDEX event_rsvps_waitlist ON event_rsvps (event_id, occurrence, waitlist_number, member_id) WHERE waitlist_number IS NOT NULL;
            CREATE TABLE occurrence_seats (event_id uuid NOT NULL, occurrence text COLLATE "C" NOT NULL, body bytea NOT NULL, PRIMARY KEY (event_id, occurrence));
            CREATE TABLE reminder_receipts (
                event_id uuid NOT NULL, occurrence text COLLATE "C" NOT NULL, member_id uuid NOT NULL, offset_seconds float8 NOT NULL,
                body bytea NOT NULL, PRIMARY KEY (event_id, occurrence, member_id, offset_seconds));
            CREATE TABLE occurrence_live_states (
                event_id uuid NOT NULL, occurrence text COLLATE "C" NOT NULL, body bytea NOT NULL, PRIMARY KEY (event_id, occurrence));
            CREATE TABLE attendance_sessions (
                event_id uuid NOT NULL, occurrence text COLLATE "C" NOT NULL, member_id uuid NOT NULL, number bigint NOT NULL,
                body bytea NOT NULL, PRIMARY KEY (event_id, occurrence, member_id, number));
            CREATE TABLE live_questions (
                id uuid PRIMARY KEY, community_id uuid NOT NULL, event_id uuid NOT NULL, occurrence text COLLATE "C" NOT NULL, body bytea NOT NULL);
            CREATE INDEX live_questions_by_occurrence ON live_questions (event_id, occurrence, id);
            CREATE TABLE live_question_upvotes (question_id uuid NOT NULL, member_id uuid NOT NULL, PRIMARY KEY (question_id, member_id));
            CREATE TABLE polls (
                id uuid PRIMARY KEY, community_id uuid NOT NULL, event_id uuid NOT NULL, occurrence text COLLATE "C" NOT NULL, body bytea NOT NULL);
            CREATE INDEX polls_by_occurrence ON polls (event_id, occurrence, id);
            CREATE TABLE poll_choices (poll_id uuid NOT NULL, member_id uuid NOT NULL, choices bytea NOT NULL, PRIMARY KEY (poll_id, member_id));
            CREATE TABLE occurrence_overrides (
                event_id uuid NOT NULL, occurrence text COLLATE "C" NOT NULL, community_id uuid NOT NULL, body bytea NOT NULL,
                PRIMARY KEY (event_id, occurrence))
            """),
    ]
}
#endif
