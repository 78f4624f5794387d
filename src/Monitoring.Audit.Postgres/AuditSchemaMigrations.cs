namespace Monitoring.Audit.Postgres;

/// <summary>
/// Every version of the audit schema, in order. Append new steps; never edit an applied one (a database
/// that ran it keeps what it ran). Each step runs in the migrator's transaction and is written to be
/// harmless if repeated.
/// </summary>
public static class AuditSchemaMigrations
{
    public static IReadOnlyList<AuditSchemaMigration> All { get; } =
    [
        new(1, "append-only entries table, indexes by patient and time, UPDATE/DELETE/TRUNCATE refused", """
            CREATE TABLE IF NOT EXISTS {schema}.entries (
                id          bigserial   PRIMARY KEY,
                at          timestamptz NOT NULL,
                actor       text        NOT NULL,
                action      text        NOT NULL,
                patient_id  text        NULL,
                ward_id     text        NULL,
                details     text        NOT NULL,
                recorded_at timestamptz NOT NULL DEFAULT now()
            );
            COMMENT ON TABLE {schema}.entries IS 'Audit trail of the ketamine monitoring product: append-only (UPDATE, DELETE and TRUNCATE are refused by triggers). Ids only, never a patient''s name. at = when it happened (UTC); recorded_at = when the row was written.';

            CREATE INDEX IF NOT EXISTS entries_patient_at ON {schema}.entries (patient_id, at, id);
            CREATE INDEX IF NOT EXISTS entries_at ON {schema}.entries (at, id);

            CREATE OR REPLACE FUNCTION {schema}.refuse_change() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'the audit trail is append-only: % on %.% is refused', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
                    USING ERRCODE = 'insufficient_privilege';
            END
            $$;

            CREATE OR REPLACE TRIGGER entries_refuse_update_delete
                BEFORE UPDATE OR DELETE ON {schema}.entries
                FOR EACH STATEMENT EXECUTE FUNCTION {schema}.refuse_change();
            CREATE OR REPLACE TRIGGER entries_refuse_truncate
                BEFORE TRUNCATE ON {schema}.entries
                FOR EACH STATEMENT EXECUTE FUNCTION {schema}.refuse_change();

            REVOKE UPDATE, DELETE, TRUNCATE ON {schema}.entries FROM PUBLIC;
            """),
        new(2, "idempotency key: an entry appended again with its key is recorded once; earlier rows keep a null key", """
            ALTER TABLE {schema}.entries ADD COLUMN IF NOT EXISTS idempotency_key text NULL;
            COMMENT ON COLUMN {schema}.entries.idempotency_key IS 'Made by the grain that audits and stored with the entry in its state: an append of the same entry again (after a crash, or a lost answer) inserts nothing. Null for rows written before version 2, and never conflicting.';
            CREATE UNIQUE INDEX IF NOT EXISTS entries_idempotency_key ON {schema}.entries (idempotency_key);
            """),
    ];

    /// <summary>The version this build writes and expects.</summary>
    public static int Latest => All[^1].Version;
}
