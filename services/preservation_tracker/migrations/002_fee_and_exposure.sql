-- A complete application waits for fee-calculator's FeeAssessed before it is
-- filed; a dismissal flags wrongful-application exposure once per application.
ALTER TABLE applications DROP CONSTRAINT applications_status_check;
ALTER TABLE applications ADD CONSTRAINT applications_status_check CHECK (
    status IN (
        'returned', 'in_review', 'awaiting_fee', 'applied', 'ordered', 'lifted'
    )
);
ALTER TABLE applications
    ADD COLUMN value_to_preserve numeric(14, 2),
    ADD COLUMN exposure_flagged_at timestamptz;

-- Renewals the tracker asked the court for, by the expiry they would replace.
ALTER TABLE measures ADD COLUMN renewal_applied_for date;
