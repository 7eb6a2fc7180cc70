-- 002: quotes and events linked both ways; the character offset of each event's trigger word.
ALTER TABLE events ADD COLUMN verb_start INTEGER;
ALTER TABLE events ADD COLUMN quote_id VARCHAR;
ALTER TABLE quotes ADD COLUMN quote_id VARCHAR;
ALTER TABLE quotes ADD COLUMN said_at INTEGER;
ALTER TABLE quotes ADD COLUMN event_ids VARCHAR[];
