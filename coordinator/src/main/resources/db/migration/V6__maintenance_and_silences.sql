-- Maintenance windows and silences: while one matches a monitor, its incidents still open, resolve and keep
-- their timeline, but their alerts are held (docs/incidents.md, "Maintenance windows and silences").

-- matchers: {"monitor_ids": ["<uuid>", ...], "labels": {"team": "billing"}}; a monitor matches when it is listed
-- or carries every label. Either starts_at/ends_at (one-off) or cron/duration_ms (recurring) is set.
CREATE TABLE maintenance_windows (
  id          uuid PRIMARY KEY,
  name        text NOT NULL,
  matchers    jsonb NOT NULL,
  starts_at   timestamptz,
  ends_at     timestamptz,
  cron        text,
  duration_ms bigint,
  time_zone   text NOT NULL,
  comment     text NOT NULL DEFAULT '',
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  CHECK ((starts_at IS NOT NULL AND ends_at IS NOT NULL AND ends_at > starts_at AND cron IS NULL AND duration_ms IS NULL)
      OR (starts_at IS NULL AND ends_at IS NULL AND cron IS NOT NULL AND duration_ms > 0))
);

-- Expired silences stay, with who expired them and when: the audit trail of who muted what.
CREATE TABLE silences (
  id         uuid PRIMARY KEY,
  matchers   jsonb NOT NULL,
  starts_at  timestamptz NOT NULL,
  ends_at    timestamptz NOT NULL CHECK (ends_at > starts_at),
  created_by text NOT NULL,
  comment    text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL,
  expired_at timestamptz,
  expired_by text
);
CREATE INDEX silences_by_end ON silences (ends_at) WHERE expired_at IS NULL;

ALTER TABLE incidents
  -- The DOWN (or DOWN AGAIN) alert was held and not sent yet: what held it, in words; NULL when nothing waits.
  ADD COLUMN alert_held_by     text,
  -- The held alert itself, sent as it was written once nothing holds the monitor any more.
  ADD COLUMN held_event        text,
  ADD COLUMN held_text         text,
  -- When a held DOWN alert went out: escalation counts from then, as reminders count from last_alerted_at.
  ADD COLUMN alert_released_at timestamptz;
-- Open incidents whose DOWN alert waits: what the release sweep reads.
CREATE INDEX incidents_with_held_alert ON incidents (opened_at) WHERE resolved_at IS NULL AND alert_held_by IS NOT NULL;
