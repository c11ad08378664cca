-- A repayment that arrives before its case's judgment is kept, parked, and
-- applied when the judgment is recorded.
ALTER TABLE repayments ADD COLUMN parked boolean NOT NULL DEFAULT false;
CREATE INDEX repayments_parked ON repayments (plaintiff_id, case_id) WHERE parked;
