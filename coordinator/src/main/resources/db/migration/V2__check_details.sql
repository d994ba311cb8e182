-- Queue-aware checks: why a run failed (as a bucket), the named series it measured, the HTTP status and the
-- target's certificate expiry, kept with every observation and with each region's latest verdict.

ALTER TABLE observations
  ADD COLUMN failure_kind    text NOT NULL DEFAULT '',
  ADD COLUMN series          jsonb NOT NULL DEFAULT '{}',
  ADD COLUMN status_code     integer NOT NULL DEFAULT 0,
  ADD COLUMN cert_expires_at timestamptz;

-- The newest run's details as the API shows them: failure_kind, conditions (lines), series, status_code,
-- latency_ms, cert_expires_at.
ALTER TABLE region_verdicts
  ADD COLUMN last_run jsonb NOT NULL DEFAULT '{}';
