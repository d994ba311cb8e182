-- The team view at 10,000 monitors: charts over a month read five-minute rollups instead of every run, and the
-- "top failure of the last hour" reads failed runs only.

-- One row per monitor and five minutes: runs that passed and failed, and the largest value of each named series.
-- Written by ingest in the transaction that stores the runs (under the monitor's lock), so it never disagrees
-- with the observations; a month of one monitor is at most 8,640 rows here instead of ~260,000 runs.
-- No foreign key, as for observations: deleting a monitor deletes its rollups.
CREATE TABLE observation_rollups (
  monitor_id   uuid NOT NULL,
  bucket_start timestamptz NOT NULL,
  up           integer NOT NULL,
  down         integer NOT NULL,
  series_max   jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (monitor_id, bucket_start)
);

-- The larger value of each key of two {"name": number} objects: how a rollup takes in more runs.
CREATE FUNCTION quorate_series_max(a jsonb, b jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(jsonb_object_agg(key, value), '{}'::jsonb)
  FROM (SELECT key, max(value::float8) AS value
        FROM (SELECT key, value FROM jsonb_each_text(a) UNION ALL SELECT key, value FROM jsonb_each_text(b)) both_sides
        GROUP BY key) larger
$$;

-- Runs stored before this migration. On a large observations table this takes a while, once.
WITH counts AS (
  SELECT monitor_id, to_timestamp(floor(extract(epoch FROM observed_at) / 300) * 300) AS bucket_start,
         count(*) FILTER (WHERE outcome = 'up') AS up, count(*) FILTER (WHERE outcome = 'down') AS down
  FROM observations GROUP BY 1, 2),
per_key AS (
  SELECT o.monitor_id, to_timestamp(floor(extract(epoch FROM o.observed_at) / 300) * 300) AS bucket_start, e.key,
         max(e.value::float8) AS value
  FROM observations o, jsonb_each(o.series) e WHERE jsonb_typeof(e.value) = 'number' GROUP BY 1, 2, 3),
series AS (
  SELECT monitor_id, bucket_start, jsonb_object_agg(key, value) AS series_max FROM per_key GROUP BY 1, 2)
INSERT INTO observation_rollups (monitor_id, bucket_start, up, down, series_max)
SELECT c.monitor_id, c.bucket_start, c.up, c.down, coalesce(s.series_max, '{}'::jsonb)
FROM counts c LEFT JOIN series s USING (monitor_id, bucket_start);

-- Monitors that have a vote: the monitor list classifies 10,000 monitors per request (pending or up) from this small
-- index alone instead of reading every verdict row with its newest run. A verdict's routine update (streak, last run)
-- leaves the verdict as it was, so it stays a HOT update.
CREATE INDEX region_verdicts_voted ON region_verdicts (monitor_id) WHERE verdict <> 'pending';

-- Failed runs only: the team view's top failure of the last hour, and the walk back to a down queue's last success,
-- without reading every passing run. Small, and written only for failed runs.
CREATE INDEX observations_down ON observations (monitor_id, observed_at DESC) WHERE outcome = 'down';
