-- Incidents people work with: acknowledgement, notes, resolving by hand, reopening on flaps, reminders,
-- escalation, and a timeline of everything that happened to each incident.

-- Who the alerts are for and how they travel (owner, impact, urgency, channels, reminders, escalation).
ALTER TABLE monitors ADD COLUMN alerting jsonb NOT NULL DEFAULT '{}';

ALTER TABLE incidents
  ADD COLUMN acknowledged_at  timestamptz,
  ADD COLUMN acknowledged_by  text,
  -- Set when a person resolved it; NULL when it resolved on its own.
  ADD COLUMN resolved_by      text,
  -- Resolved by hand while still failing: no new incident until the monitor has recovered once.
  ADD COLUMN awaiting_recovery boolean NOT NULL DEFAULT false,
  ADD COLUMN reopened_count   integer NOT NULL DEFAULT 0,
  ADD COLUMN last_alerted_at  timestamptz,
  ADD COLUMN reminders_sent   integer NOT NULL DEFAULT 0,
  ADD COLUMN escalated_at     timestamptz;
CREATE INDEX incidents_by_monitor ON incidents (monitor_id, opened_at DESC);
-- Open, unacknowledged incidents: what the reminder and escalation sweep reads.
CREATE INDEX incidents_needing_attention ON incidents (last_alerted_at) WHERE resolved_at IS NULL AND acknowledged_at IS NULL;

-- Everything that happened to an incident, in order. Notifications are read from deliveries, not copied here.
CREATE TABLE incident_events (
  id          bigserial PRIMARY KEY,
  incident_id uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  at          timestamptz NOT NULL,
  -- vote, opened, reopened, acknowledged, note, resolved, reminder, escalated
  kind        text NOT NULL,
  -- "quorate" for decisions the coordinator made, otherwise the person who acted.
  actor       text NOT NULL,
  text        text NOT NULL,
  data        jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX incident_events_by_incident ON incident_events (incident_id, at, id);
