-- Each probe node as the coordinators last heard of it: which region it speaks for, since when it is
-- linked, and its own health report (can it reach the world, how many events wait to be acknowledged).
-- A node that stops reporting is disconnected; a region with no live, healthy node is degraded.
CREATE TABLE probe_nodes (
  node_id             text PRIMARY KEY,
  region              text NOT NULL,
  version             text NOT NULL,
  coordinator_node    text NOT NULL,
  connected_since     timestamptz NOT NULL,
  last_seen_at        timestamptz NOT NULL,
  disconnected_at     timestamptz,
  connectivity_ok     boolean NOT NULL DEFAULT true,
  connectivity_detail text NOT NULL DEFAULT '',
  events_pending      bigint NOT NULL DEFAULT 0
);
CREATE INDEX probe_nodes_by_region ON probe_nodes (region);

-- "Probe region degraded": an incident for the people who run Quorate, about a region, not a monitor.
-- At most one open per region, so two coordinator nodes deciding at once cannot open two.
CREATE TABLE region_incidents (
  id          uuid PRIMARY KEY,
  region      text NOT NULL,
  opened_at   timestamptz NOT NULL,
  reason      text NOT NULL,
  resolved_at timestamptz,
  resolution  text
);
CREATE UNIQUE INDEX region_incidents_one_open ON region_incidents (region) WHERE resolved_at IS NULL;

-- A delivery is about a monitor's incident or about a region's.
ALTER TABLE deliveries ALTER COLUMN incident_id DROP NOT NULL;
ALTER TABLE deliveries ADD COLUMN region_incident_id uuid REFERENCES region_incidents (id) ON DELETE CASCADE;
ALTER TABLE deliveries ADD CONSTRAINT deliveries_about_one_incident
  CHECK ((incident_id IS NULL) <> (region_incident_id IS NULL));
