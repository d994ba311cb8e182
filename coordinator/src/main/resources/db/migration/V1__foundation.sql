-- Quorate foundation schema. PostgreSQL is the single source of truth: every decision (a region's
-- verdict, an incident opening or resolving, a notification to send) is a row changed in one transaction.

-- Generated secrets (stored as SHA-256 only) and other node-independent settings.
CREATE TABLE settings (
  key        text PRIMARY KEY,
  value      text NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE monitors (
  id           uuid PRIMARY KEY,
  name         text NOT NULL,
  type         text NOT NULL CHECK (type IN ('http', 'heartbeat')),
  -- Type-specific settings (url, method, headers, interval_ms, conditions, regions, quorum, ...).
  spec         jsonb NOT NULL,
  version      bigint NOT NULL DEFAULT 1,
  -- Heartbeats only: the id in the ping URL, the schedule, and the newest ping received.
  ping_id      uuid UNIQUE,
  period_ms    bigint,
  grace_ms     bigint,
  last_ping_at timestamptz,
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL,
  CHECK (type <> 'heartbeat' OR (ping_id IS NOT NULL AND period_ms > 0 AND grace_ms >= 0))
);

-- Each region's current opinion of a monitor, folded from its observations.
CREATE TABLE region_verdicts (
  monitor_id       uuid NOT NULL REFERENCES monitors (id) ON DELETE CASCADE,
  region           text NOT NULL,
  verdict          text NOT NULL CHECK (verdict IN ('pending', 'up', 'down')),
  last_outcome     text NOT NULL CHECK (last_outcome IN ('up', 'down')),
  -- Consecutive observations with last_outcome.
  streak           integer NOT NULL,
  last_observed_at timestamptz NOT NULL,
  reason           text NOT NULL DEFAULT '',
  measured         jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (monitor_id, region)
);

-- Every observation a probe delivered; event_id makes a resend after a reconnect a no-op.
CREATE TABLE observations (
  event_id     text PRIMARY KEY,
  monitor_id   uuid NOT NULL REFERENCES monitors (id) ON DELETE CASCADE,
  region       text NOT NULL,
  probe_node   text NOT NULL,
  observed_at  timestamptz NOT NULL,
  received_at  timestamptz NOT NULL,
  outcome      text NOT NULL CHECK (outcome IN ('up', 'down')),
  reason       text NOT NULL,
  latency_ms   bigint NOT NULL,
  measured     jsonb NOT NULL DEFAULT '{}',
  conditions   jsonb NOT NULL DEFAULT '[]'
);
CREATE INDEX observations_by_monitor ON observations (monitor_id, observed_at DESC);

-- Heartbeat pings, likewise deduplicated by event id.
CREATE TABLE pings (
  event_id       text PRIMARY KEY,
  monitor_id     uuid NOT NULL REFERENCES monitors (id) ON DELETE CASCADE,
  region         text NOT NULL,
  received_at    timestamptz NOT NULL,
  method         text NOT NULL,
  body           text NOT NULL DEFAULT '',
  user_agent     text NOT NULL DEFAULT '',
  remote_address text NOT NULL DEFAULT ''
);
CREATE INDEX pings_by_monitor ON pings (monitor_id, received_at DESC);

CREATE TABLE incidents (
  id           uuid PRIMARY KEY,
  monitor_id   uuid NOT NULL REFERENCES monitors (id) ON DELETE CASCADE,
  monitor_name text NOT NULL,
  opened_at    timestamptz NOT NULL,
  resolved_at  timestamptz,
  reason       text NOT NULL,
  regions_down text[] NOT NULL DEFAULT '{}'
);
-- At most one open incident per monitor, whichever coordinator node tries to open it.
CREATE UNIQUE INDEX incidents_one_open_per_monitor ON incidents (monitor_id) WHERE resolved_at IS NULL;
CREATE INDEX incidents_by_opened ON incidents (opened_at DESC);

CREATE TABLE channels (
  id         uuid PRIMARY KEY,
  type       text NOT NULL CHECK (type IN ('webhook')),
  name       text NOT NULL,
  config     jsonb NOT NULL,
  created_at timestamptz NOT NULL
);

-- The outbox of notifications, written in the same transaction as the incident change that causes them.
CREATE TABLE deliveries (
  id              uuid PRIMARY KEY,
  channel_id      uuid NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
  incident_id     uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  event           text NOT NULL,
  payload         jsonb NOT NULL,
  state           text NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  -- A node that is sending this delivery holds it until then; after that another node may take it over.
  claimed_until   timestamptz,
  last_error      text,
  delivered_at    timestamptz,
  created_at      timestamptz NOT NULL
);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE state = 'pending';

-- Regions seen on the probe link: the default region set of a new HTTP monitor.
CREATE TABLE probe_regions (
  region        text PRIMARY KEY,
  first_seen_at timestamptz NOT NULL,
  last_seen_at  timestamptz NOT NULL
);
