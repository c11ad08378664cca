-- Judgments received from courts, with how far the debt has been performed.
CREATE TABLE judgments (
    plaintiff_id text NOT NULL,
    case_id text NOT NULL,
    court_id text NOT NULL,
    docket_number text NOT NULL,
    outcome text NOT NULL,
    obligation numeric(14, 2) NOT NULL CHECK (obligation >= 0),
    paid numeric(14, 2) NOT NULL DEFAULT 0,
    fully_performed_on date,
    judged_at timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (plaintiff_id, case_id)
);

-- Sanctions of a judgment: a dishonest-debtor listing and/or penalties.
-- Only the masked id number is kept; the public entry is rebuilt from events.
CREATE TABLE sanctions (
    sanction_id text PRIMARY KEY,
    plaintiff_id text NOT NULL,
    case_id text NOT NULL,
    court_id text NOT NULL,
    art1_item integer,
    term_years integer,
    extension_years integer,
    listed_on date,
    listed_until date,
    penalties text[] NOT NULL,
    entry_id text UNIQUE,
    lift_reason text,
    lift_due_at timestamptz,
    lift_due_by date,
    lifted_at timestamptz,
    recorded_at timestamptz NOT NULL,
    UNIQUE (plaintiff_id, case_id)
);
CREATE INDEX sanctions_lift_due ON sanctions (lift_due_at)
    WHERE lifted_at IS NULL AND lift_due_at IS NOT NULL;

-- Repayments reported by the platform after judgment.
CREATE TABLE repayments (
    plaintiff_id text NOT NULL,
    repayment_id text NOT NULL,
    case_id text NOT NULL,
    amount numeric(14, 2) NOT NULL CHECK (amount > 0),
    fully_repaid boolean NOT NULL,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (plaintiff_id, repayment_id)
);
