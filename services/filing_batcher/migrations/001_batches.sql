-- Priced cases waiting for, or filed in, a batch; batches and their clocks.
CREATE TABLE batches (
    batch_id text PRIMARY KEY,
    plaintiff_id text NOT NULL,
    court_id text NOT NULL,
    status text NOT NULL CHECK (status IN ('open', 'sealed', 'filed', 'withdrawn')),
    opened_at timestamptz NOT NULL,
    checked_until timestamptz NOT NULL,
    sealed_at timestamptz,
    seal_reason text,
    case_count integer NOT NULL DEFAULT 0,
    invoice_id text,
    filed_at timestamptz,
    withdrawn_at timestamptz
);

CREATE UNIQUE INDEX batches_one_open ON batches (plaintiff_id, court_id)
    WHERE status = 'open';

CREATE TABLE batch_sequences (
    prefix text PRIMARY KEY,
    last_sequence integer NOT NULL CHECK (last_sequence > 0)
);

CREATE TABLE cases (
    plaintiff_id text NOT NULL,
    case_id text NOT NULL,
    court_id text NOT NULL,
    source_event_id text NOT NULL,
    fee numeric(14, 2) NOT NULL CHECK (fee >= 0),
    complaint jsonb NOT NULL,
    arrived_at timestamptz NOT NULL,
    batch_id text REFERENCES batches (batch_id),
    docket_number text,
    docketed_at timestamptz,
    rejection_reason text,
    rejected_at timestamptz,
    PRIMARY KEY (plaintiff_id, case_id),
    CHECK (docket_number IS NULL OR rejection_reason IS NULL)
);

CREATE INDEX cases_by_batch ON cases (batch_id);
CREATE UNIQUE INDEX cases_unique_docket ON cases (court_id, docket_number)
    WHERE docket_number IS NOT NULL;

-- Service-level clocks of a batch: due and warning times; closed when answered.
CREATE TABLE deadlines (
    batch_id text NOT NULL REFERENCES batches (batch_id),
    level text NOT NULL,
    started_at timestamptz NOT NULL,
    due_at timestamptz NOT NULL,
    warn_at timestamptz NOT NULL,
    warned_at timestamptz,
    breached_at timestamptz,
    closed_at timestamptz,
    PRIMARY KEY (batch_id, level)
);

CREATE INDEX deadlines_open ON deadlines (warn_at) WHERE closed_at IS NULL;
