-- Commands received, the attempts made for them (evidence), and what they cite.
CREATE TABLE notices (
    command_id text PRIMARY KEY,
    plaintiff_id text NOT NULL,
    case_id text NOT NULL,
    purpose text NOT NULL,
    channel text NOT NULL,
    command jsonb NOT NULL,
    source_event_id text NOT NULL,
    received_at timestamptz NOT NULL,
    due_at timestamptz NOT NULL,
    status text NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'done', 'blocked_for_good'))
);

CREATE INDEX notices_due ON notices (due_at) WHERE status = 'pending';

-- Insert-only: an attempt, once recorded, is evidence and never changes.
CREATE TABLE attempts (
    plaintiff_id text NOT NULL,
    attempt_id text NOT NULL,
    command_id text REFERENCES notices (command_id),
    case_id text NOT NULL,
    purpose text NOT NULL,
    channel text NOT NULL,
    contact_point text,
    attempted_at timestamptz NOT NULL,
    status text NOT NULL CHECK (status IN ('delivered', 'blocked', 'failed')),
    blocked_reason text,
    rescheduled_to timestamptz,
    outcome jsonb NOT NULL,
    document_ref text,
    marketing boolean NOT NULL DEFAULT false,
    event_id text NOT NULL UNIQUE,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (plaintiff_id, attempt_id),
    CHECK ((status = 'blocked') = (blocked_reason IS NOT NULL))
);

CREATE INDEX attempts_of_command ON attempts (command_id);
CREATE INDEX attempts_calls ON attempts (contact_point, attempted_at)
    WHERE channel = 'phone' AND status <> 'blocked';

-- Letters and transcripts, addressed by the hash of their content.
CREATE TABLE documents (
    ref text PRIMARY KEY,
    media_type text NOT NULL,
    content text NOT NULL,
    stored_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE do_not_contact (
    plaintiff_id text NOT NULL,
    subject text NOT NULL,
    added_at timestamptz NOT NULL,
    PRIMARY KEY (plaintiff_id, subject)
);

-- Per-tenant overrides of the contact rules; no row means the defaults.
CREATE TABLE policies (
    plaintiff_id text NOT NULL,
    effective_from date NOT NULL,
    overrides jsonb NOT NULL,
    PRIMARY KEY (plaintiff_id, effective_from)
);

CREATE FUNCTION refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is insert-only evidence: % refused', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER attempts_insert_only BEFORE UPDATE OR DELETE ON attempts
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER attempts_no_truncate BEFORE TRUNCATE ON attempts
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER documents_insert_only BEFORE UPDATE OR DELETE ON documents
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER documents_no_truncate BEFORE TRUNCATE ON documents
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
