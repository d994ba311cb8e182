-- The public status page (/status, /api/v1/status, /badge/*): which monitors it lists and under what name,
-- and the updates the team writes for the public about an incident. Nothing else about a monitor or an
-- incident (URL, headers, reason, regions, owner, internal name) is ever read for the public page.

ALTER TABLE monitors
  ADD COLUMN is_public    boolean NOT NULL DEFAULT false,
  -- Shown instead of the internal name; NULL shows the internal name.
  ADD COLUMN public_name  text,
  -- Components are grouped under this heading; NULL lists the component on its own.
  ADD COLUMN public_group text,
  -- The badge URL's name (/badge/<slug>.svg); NULL derives it from the shown name.
  ADD COLUMN public_slug  text;
CREATE UNIQUE INDEX monitors_public_slug ON monitors (public_slug) WHERE public_slug IS NOT NULL;
-- What the status page loads: the public monitors only, however many monitors there are.
CREATE INDEX monitors_listed_publicly ON monitors (name) WHERE is_public;

-- Uptime bars read each public monitor's incidents of the last 90 days (incidents_by_monitor covers it).
CREATE TABLE incident_public_updates (
  id          uuid PRIMARY KEY,
  incident_id uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  status      text NOT NULL CHECK (status IN ('investigating', 'identified', 'monitoring', 'resolved')),
  message     text NOT NULL,
  -- Who wrote it, for the team's API; the public page does not show it.
  author      text NOT NULL,
  created_at  timestamptz NOT NULL
);
CREATE INDEX incident_public_updates_by_incident ON incident_public_updates (incident_id, created_at);
