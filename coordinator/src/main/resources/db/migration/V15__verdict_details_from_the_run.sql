-- A region's verdict names its newest run (last_event_id) instead of copying that run's details (measured,
-- last_run: ~700 bytes of JSON) into the verdict row on every observation; readers join the observation. At
-- thousands of observations a second parsing and writing that copy cost PostgreSQL ~8 of the ~120 µs it spent per
-- observation (benchmark of 2026-12-05).
-- measured and last_run stay for verdicts written before this migration, until their region reports again.
ALTER TABLE region_verdicts ADD COLUMN last_event_id text;
