-- Cases opened from platforms' LoanOverdue reports.
CREATE TABLE cases (
    plaintiff_id text NOT NULL,
    case_id text NOT NULL,
    source_event_id text NOT NULL,
    principal numeric(14, 2) NOT NULL CHECK (principal > 0),
    term_months integer NOT NULL,
    court_id text NOT NULL,
    report jsonb NOT NULL,
    status text NOT NULL DEFAULT 'collecting',
    opened_at timestamptz NOT NULL,
    PRIMARY KEY (plaintiff_id, case_id)
);
