-- Fees priced per case or application, batch invoices, payments, panel ledger.
CREATE TABLE fees (
    fee_id text PRIMARY KEY,
    plaintiff_id text NOT NULL,
    case_id text NOT NULL,
    court_id text NOT NULL,
    fee_kind text NOT NULL,
    procedure text NOT NULL,
    policy text NOT NULL,
    claim_amount numeric(14, 2) NOT NULL,
    amount numeric(14, 2) NOT NULL CHECK (amount >= 0),
    application_id text,
    source_event_id text NOT NULL,
    assessed_at timestamptz NOT NULL
);

CREATE INDEX fees_by_case ON fees (plaintiff_id, case_id);

CREATE TABLE invoices (
    invoice_id text PRIMARY KEY,
    plaintiff_id text NOT NULL,
    batch_id text NOT NULL UNIQUE,
    court_id text NOT NULL,
    amount numeric(14, 2) NOT NULL CHECK (amount > 0),
    paid numeric(14, 2) NOT NULL DEFAULT 0,
    status text NOT NULL
        CHECK (status IN ('open', 'partially_paid', 'settled', 'withdrawn')),
    notice_date date NOT NULL,
    due_on date NOT NULL,
    warn_from date NOT NULL,
    issued_at timestamptz NOT NULL,
    warned_at timestamptz,
    settled_at timestamptz,
    withdrawn_at timestamptz
);

CREATE INDEX invoices_unpaid ON invoices (warn_from)
    WHERE status IN ('open', 'partially_paid');

CREATE TABLE invoice_lines (
    invoice_id text NOT NULL REFERENCES invoices (invoice_id),
    case_id text NOT NULL,
    amount numeric(14, 2) NOT NULL,
    PRIMARY KEY (invoice_id, case_id)
);

-- Every payment is kept, whether it settled, fell short, overpaid or matched
-- no invoice, so that none is ever lost.
CREATE TABLE payments (
    plaintiff_id text NOT NULL,
    payment_id text NOT NULL,
    invoice_id text,
    quoted_invoice_id text,
    amount numeric(14, 2) NOT NULL CHECK (amount > 0),
    outcome text NOT NULL,
    balance numeric(14, 2) NOT NULL,
    credit numeric(14, 2) NOT NULL,
    paid_at timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (plaintiff_id, payment_id)
);

CREATE INDEX payments_by_invoice ON payments (invoice_id);

-- Per-court ledger of what the court pays its case panel per docketed case.
CREATE TABLE panel_ledger (
    court_id text NOT NULL,
    case_id text NOT NULL,
    plaintiff_id text NOT NULL,
    docket_number text NOT NULL,
    role text NOT NULL,
    seat text NOT NULL,
    amount numeric(14, 2) NOT NULL CHECK (amount >= 0),
    entry_date date NOT NULL,
    PRIMARY KEY (court_id, case_id, role, seat)
);
