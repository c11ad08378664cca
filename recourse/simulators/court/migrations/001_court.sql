-- Cases received and the decision each will get when due; serial counters;
-- rulings (judgments, preservation orders) scheduled for later release.
CREATE TABLE decisions (
    court_id text NOT NULL,
    batch_id text NOT NULL,
    case_id text NOT NULL,
    plaintiff_id text NOT NULL,
    court_code text,
    complaint jsonb NOT NULL,
    received_at timestamptz NOT NULL,
    due_at timestamptz NOT NULL,
    rejection_reason text,
    decided_at timestamptz,
    docket_number text,
    PRIMARY KEY (court_id, batch_id, case_id)
);

CREATE INDEX decisions_due ON decisions (due_at) WHERE decided_at IS NULL;

CREATE TABLE serials (
    court_code text NOT NULL,
    year integer NOT NULL,
    case_type text NOT NULL,
    last_serial integer NOT NULL CHECK (last_serial > 0),
    PRIMARY KEY (court_code, year, case_type)
);

CREATE TABLE rulings (
    ruling_id text PRIMARY KEY,
    topic text NOT NULL,
    plaintiff_id text NOT NULL,
    ce_type text NOT NULL,
    payload text NOT NULL,
    due_at timestamptz NOT NULL,
    released_at timestamptz
);

CREATE INDEX rulings_due ON rulings (due_at) WHERE released_at IS NULL;
