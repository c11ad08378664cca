-- Collection and triage: the plan, the attempts seen, and every decision made.
ALTER TABLE cases ADD COLUMN window_closes_at timestamptz;
ALTER TABLE cases ADD COLUMN privacy_attempt_id text;
CREATE INDEX cases_window ON cases (window_closes_at) WHERE status = 'collecting';

CREATE TABLE scheduled_contacts (
    command_id text PRIMARY KEY,
    plaintiff_id text NOT NULL,
    case_id text NOT NULL,
    purpose text NOT NULL,
    channel text NOT NULL,
    due_at timestamptz NOT NULL,
    status text NOT NULL DEFAULT 'scheduled'
        CHECK (status IN ('scheduled', 'sent', 'cancelled')),
    sent_at timestamptz,
    FOREIGN KEY (plaintiff_id, case_id) REFERENCES cases (plaintiff_id, case_id)
);

CREATE INDEX scheduled_contacts_due ON scheduled_contacts (due_at)
    WHERE status = 'scheduled';
CREATE INDEX scheduled_contacts_case ON scheduled_contacts (plaintiff_id, case_id);

CREATE TABLE attempts (
    plaintiff_id text NOT NULL,
    attempt_id text NOT NULL,
    case_id text NOT NULL,
    command_id text,
    purpose text NOT NULL,
    channel text NOT NULL,
    status text NOT NULL,
    attempted_at timestamptz NOT NULL,
    reached boolean NOT NULL,
    answered boolean NOT NULL,
    right_party boolean NOT NULL,
    cooperative boolean,
    comprehension boolean,
    stated_reason text,
    sentiment text,
    marketing boolean NOT NULL,
    final boolean NOT NULL,
    source_event_id text NOT NULL,
    PRIMARY KEY (plaintiff_id, attempt_id)
);

CREATE INDEX attempts_case ON attempts (plaintiff_id, case_id);

-- Every decision, in revision order; a revision is never changed once made,
-- except for the time its event went out.
CREATE TABLE decisions (
    plaintiff_id text NOT NULL,
    case_id text NOT NULL,
    revision integer NOT NULL CHECK (revision >= 1),
    decision text NOT NULL,
    cause text NOT NULL,
    score numeric(8, 6) NOT NULL,
    triaged jsonb NOT NULL,
    decided_at timestamptz NOT NULL,
    published_at timestamptz,
    PRIMARY KEY (plaintiff_id, case_id, revision)
);

-- Per-tenant overrides of the triage policy; no row means the defaults.
CREATE TABLE policies (
    plaintiff_id text NOT NULL,
    effective_from date NOT NULL,
    overrides jsonb NOT NULL,
    PRIMARY KEY (plaintiff_id, effective_from)
);
