-- Heartbeats: ping forms (start/fail/log/exit status, run ids), slug URLs, cron and fleet schedules, zombie
-- runs, snoozes, and the probe watermarks that let the coordinator wait for regions that are behind.

-- A project holds the ping key of slug URLs (/ping/<ping key>/<slug>). One default project until accounts
-- and teams arrive; every monitor belongs to it.
CREATE TABLE projects (
  id         uuid PRIMARY KEY,
  name       text NOT NULL,
  ping_key   text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL
);
INSERT INTO projects (id, name, ping_key, created_at)
  VALUES ('00000000-0000-0000-0000-000000000001', 'Default', replace(gen_random_uuid()::text, '-', ''), now());

ALTER TABLE monitors
  ADD COLUMN project_id uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000001' REFERENCES projects (id),
  ADD COLUMN slug text;
CREATE UNIQUE INDEX monitors_slug_per_project ON monitors (project_id, slug) WHERE slug IS NOT NULL;
-- Cron and fleet heartbeats have no fixed period: the schedule lives in spec.
ALTER TABLE monitors DROP CONSTRAINT monitors_check;
ALTER TABLE monitors ADD CONSTRAINT monitors_heartbeat_has_ping_id CHECK (type <> 'heartbeat' OR ping_id IS NOT NULL);

ALTER TABLE pings
  ADD COLUMN kind           text NOT NULL DEFAULT 'success' CHECK (kind IN ('success', 'start', 'fail', 'log')),
  ADD COLUMN exit_status    integer,
  ADD COLUMN run_id         text NOT NULL DEFAULT '',
  ADD COLUMN body_truncated boolean NOT NULL DEFAULT false,
  ADD COLUMN probe_node     text NOT NULL DEFAULT '',
  -- When the coordinator stored it: far after received_at means the region delivered it late.
  ADD COLUMN stored_at      timestamptz,
  -- Why a success ping counts as a failure: its body broke a condition of the monitor.
  ADD COLUMN failure        text NOT NULL DEFAULT '',
  ADD COLUMN conditions     jsonb NOT NULL DEFAULT '[]';
UPDATE pings SET stored_at = received_at;
ALTER TABLE pings ALTER COLUMN stored_at SET NOT NULL;

-- What the newest pings said, one row per heartbeat monitor, updated with each stored batch of pings.
-- (It replaces monitors.last_ping_at, which the first release kept and which is no longer written.)
CREATE TABLE heartbeat_state (
  monitor_id               uuid PRIMARY KEY REFERENCES monitors (id) ON DELETE CASCADE,
  last_success_at          timestamptz,
  last_success_region      text,
  last_success_stored_at   timestamptz,
  last_ping_at             timestamptz,
  last_ping_kind           text,
  last_ping_body           text,
  last_fail_at             timestamptz,
  last_fail_reason         text,
  -- Deadlines count from the later of the last success and this: set when a monitor is resumed.
  armed_at                 timestamptz,
  paused                   boolean NOT NULL DEFAULT false,
  -- The end of the current or latest snooze; deadlines also count from it once it has passed.
  snoozed_until            timestamptz
);
INSERT INTO heartbeat_state (monitor_id, last_success_at) SELECT id, last_ping_at FROM monitors WHERE type = 'heartbeat';

-- Job runs: a start ping opens one, its completion (same run id, or the newest unnamed start) closes it.
CREATE TABLE heartbeat_runs (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  monitor_id   uuid NOT NULL REFERENCES monitors (id) ON DELETE CASCADE,
  run_id       text NOT NULL,
  started_at   timestamptz NOT NULL,
  start_region text NOT NULL,
  finished_at  timestamptz,
  -- abandoned: the monitor was resumed while the run was open, so nobody waits for it any more
  outcome      text CHECK (outcome IN ('success', 'fail', 'abandoned'))
);
-- One open run per run id: a second start with the same id restarts it.
CREATE UNIQUE INDEX heartbeat_runs_open ON heartbeat_runs (monitor_id, run_id) WHERE finished_at IS NULL;
CREATE INDEX heartbeat_runs_by_start ON heartbeat_runs (monitor_id, started_at DESC);
CREATE INDEX pings_by_run ON pings (monitor_id, run_id, received_at) WHERE run_id <> '';

-- Snoozes as an audit trail: who silenced which monitor, why, and until when.
CREATE TABLE snoozes (
  id          uuid PRIMARY KEY,
  monitor_id  uuid NOT NULL REFERENCES monitors (id) ON DELETE CASCADE,
  starts_at   timestamptz NOT NULL,
  ends_at     timestamptz NOT NULL,
  ended_early_at timestamptz,
  reason      text NOT NULL,
  created_by  text NOT NULL,
  created_at  timestamptz NOT NULL
);
CREATE INDEX snoozes_by_monitor ON snoozes (monitor_id, created_at DESC);

-- "Every ping this probe node received before received_before is stored": written once the node's events
-- up to the watermark's sequence number are durable here.
CREATE TABLE probe_watermarks (
  region          text NOT NULL,
  node_id         text NOT NULL,
  received_before timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  PRIMARY KEY (region, node_id)
);

-- Why an incident opened, which deadline it is about, and how it ended.
ALTER TABLE incidents
  ADD COLUMN cause       text NOT NULL DEFAULT '',
  ADD COLUMN deadline_at timestamptz,
  ADD COLUMN resolution  text NOT NULL DEFAULT '',
  ADD COLUMN false_alarm boolean NOT NULL DEFAULT false;
