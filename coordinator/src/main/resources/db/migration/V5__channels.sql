-- Channel types live in the coordinator's registry (Slack, webhook, PagerDuty, email, Telegram, ...), so
-- the database only checks that a type looks like a registry name: adding a type needs no migration.
ALTER TABLE channels DROP CONSTRAINT channels_type_check;
ALTER TABLE channels ADD CONSTRAINT channels_type_name CHECK (type ~ '^[a-z][a-z0-9_]{0,39}$');

-- A channel whose receiver refused a delivery for good (a deleted Slack webhook, a revoked PagerDuty key)
-- is marked broken until a later delivery or test alert succeeds.
ALTER TABLE channels ADD COLUMN broken_at timestamptz;
ALTER TABLE channels ADD COLUMN broken_reason text;
ALTER TABLE channels ADD CONSTRAINT channels_broken_with_reason CHECK ((broken_at IS NULL) = (broken_reason IS NULL));
