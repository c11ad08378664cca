-- What contact-notifier knows of each case's borrower, from earlier commands,
-- so a later command may name the borrower without repeating the details.
CREATE TABLE recipients (
    plaintiff_id text NOT NULL,
    case_id text NOT NULL,
    recipient jsonb NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (plaintiff_id, case_id)
);
