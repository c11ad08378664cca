-- A preservation fee is prepaid on the value applied for, then repriced on the
-- value the court's order actually preserved (Art. 14(2)).
ALTER TABLE fees
    ADD COLUMN preserved_value numeric(14, 2),
    ADD COLUMN final_amount numeric(14, 2) CHECK (final_amount >= 0),
    ADD COLUMN reassessed_at timestamptz;
