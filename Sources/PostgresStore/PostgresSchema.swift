/// The tables of the journal on PostgreSQL, and who may do what with them.
///
/// - `onderdak_events(seq, record, link)`: one row per record, `record` the very bytes a journal
///   file holds (header record at seq 0), `link` the SHA-256 of the record: the hash chain, and
///   how an append whose commit outcome was unknown is found again (by its row number; no index
///   on the link, which would cost every append a random B-tree insert; stores made before keep theirs).
/// - `onderdak_header`: what the header record says, readable without decoding it.
/// - `onderdak_keys(client, key)`: the per-person keys (the only table rows are deleted from: an
///   erasure destroys a key).
/// The events and header refuse UPDATE, DELETE and TRUNCATE by trigger, even for their owner;
/// the desks' role `onderdak_desk` gets SELECT and INSERT on them only.
enum PostgresSchema {
    static let lockKey: Int64 = 0x4F4E_4452_4A52_4E4C // "ONDRJRNL"

    /// Run one at a time (the extended protocol takes one statement per query).
    static let create: [String] = [
        """
        CREATE TABLE IF NOT EXISTS onderdak_events (seq bigint PRIMARY KEY, record bytea NOT NULL, link bytea NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS onderdak_header (id int PRIMARY KEY CHECK (id = 1), is_demo boolean NOT NULL, label text NOT NULL,
        installation_id bytea NOT NULL, created_ms bigint NOT NULL, store_id bytea NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS onderdak_keys (client integer PRIMARY KEY, key bytea NOT NULL)
        """,
        """
        CREATE OR REPLACE FUNCTION onderdak_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'the Onderdak journal is append-only: % on % refused', TG_OP, TG_TABLE_NAME; END $$
        """,
        """
        DROP TRIGGER IF EXISTS onderdak_events_append_only ON onderdak_events
        """,
        """
        CREATE TRIGGER onderdak_events_append_only BEFORE UPDATE OR DELETE ON onderdak_events FOR EACH ROW EXECUTE FUNCTION onderdak_append_only()
        """,
        """
        DROP TRIGGER IF EXISTS onderdak_events_no_truncate ON onderdak_events
        """,
        """
        CREATE TRIGGER onderdak_events_no_truncate BEFORE TRUNCATE ON onderdak_events FOR EACH STATEMENT EXECUTE FUNCTION onderdak_append_only()
        """,
        """
        DROP TRIGGER IF EXISTS onderdak_header_append_only ON onderdak_header
        """,
        """
        CREATE TRIGGER onderdak_header_append_only BEFORE UPDATE OR DELETE ON onderdak_header FOR EACH ROW EXECUTE FUNCTION onderdak_append_only()
        """,
        """
        DROP TRIGGER IF EXISTS onderdak_header_no_truncate ON onderdak_header
        """,
        """
        CREATE TRIGGER onderdak_header_no_truncate BEFORE TRUNCATE ON onderdak_header FOR EACH STATEMENT EXECUTE FUNCTION onderdak_append_only()
        """,
        """
        REVOKE ALL ON onderdak_events, onderdak_header, onderdak_keys FROM PUBLIC
        """,
        """
        DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'onderdak_desk') THEN CREATE ROLE onderdak_desk NOLOGIN; END IF;
        EXCEPTION WHEN insufficient_privilege THEN RAISE NOTICE 'role onderdak_desk not created'; END $$
        """,
        """
        DO $$ BEGIN
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'onderdak_desk') THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON onderdak_events, onderdak_header FROM onderdak_desk;
        GRANT SELECT, INSERT ON onderdak_events, onderdak_header TO onderdak_desk;
        GRANT SELECT, INSERT, DELETE ON onderdak_keys TO onderdak_desk;
        END IF;
        END $$
        """,
    ]
}
