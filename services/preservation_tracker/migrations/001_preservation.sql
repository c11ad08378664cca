-- Applications from platforms' requests, from check to court order and lift.
CREATE TABLE applications (
    application_id text PRIMARY KEY,
    plaintiff_id text NOT NULL,
    request_id text NOT NULL,
    case_id text NOT NULL,
    court_id text NOT NULL,
    stage text NOT NULL CHECK (stage IN ('pre_suit', 'in_suit')),
    claim_amount numeric(14, 2) NOT NULL CHECK (claim_amount > 0),
    status text NOT NULL
        CHECK (status IN ('returned', 'in_review', 'applied', 'ordered', 'lifted')),
    request jsonb NOT NULL,
    received_at timestamptz NOT NULL,
    fee numeric(14, 2),
    applied_at timestamptz,
    ruling_docket text,
    taken_on date,
    suit_due_on date,
    lift_reason text,
    lifted_at timestamptz,
    UNIQUE (plaintiff_id, request_id)
);
CREATE INDEX applications_by_case ON applications (plaintiff_id, case_id);

-- Judgement elements waiting for a reviewer (at most two per application).
CREATE TABLE review_items (
    item_id bigserial PRIMARY KEY,
    application_id text NOT NULL REFERENCES applications,
    element text NOT NULL,
    detail text NOT NULL,
    queued_at timestamptz NOT NULL,
    decision text CHECK (decision IN ('accepted', 'rejected')),
    reviewer text,
    note text,
    decided_at timestamptz,
    escalated_at timestamptz,
    UNIQUE (application_id, element)
);
CREATE INDEX review_items_open ON review_items (queued_at) WHERE decision IS NULL;

-- The court's measures, one per asset, with the expiry the court states.
CREATE TABLE measures (
    application_id text NOT NULL REFERENCES applications,
    asset_identifier text NOT NULL,
    asset_kind text NOT NULL,
    measure text NOT NULL,
    amount numeric(14, 2),
    from_lead boolean NOT NULL,
    start_date date NOT NULL,
    expiry_date date NOT NULL,
    latest_allowed date NOT NULL,
    renewals integer NOT NULL DEFAULT 0,
    status text NOT NULL DEFAULT 'live' CHECK (status IN ('live', 'expired', 'lifted')),
    PRIMARY KEY (application_id, asset_identifier)
);

-- Cases the court has docketed: filing stops the pre-suit clock.
CREATE TABLE cases (
    plaintiff_id text NOT NULL,
    case_id text NOT NULL,
    docket_number text NOT NULL,
    filed_on date NOT NULL,
    PRIMARY KEY (plaintiff_id, case_id)
);

-- Renewal and lapse clocks: each row is emitted once by the sweep when due.
CREATE TABLE deadlines (
    deadline_id bigserial PRIMARY KEY,
    application_id text NOT NULL REFERENCES applications,
    kind text NOT NULL,
    asset_identifier text NOT NULL DEFAULT '',
    due_on date NOT NULL,
    due_at timestamptz NOT NULL,
    done_at timestamptz,
    cancelled_at timestamptz,
    UNIQUE (application_id, kind, asset_identifier, due_on)
);
CREATE INDEX deadlines_open ON deadlines (due_at)
    WHERE done_at IS NULL AND cancelled_at IS NULL;
