-- High-consumption restrictions a listing imposes, and the public entry as last
-- published (already masked), so a change of performance republishes it.
ALTER TABLE sanctions ADD COLUMN restrictions text[] NOT NULL DEFAULT '{}';
ALTER TABLE sanctions ADD COLUMN public_entry text;
