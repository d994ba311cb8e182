-- Observations are the hot write path (thousands a second). Their foreign key to monitors cost a lookup per
-- stored row, about a third of the insert, and protected nothing: ingest locks every monitor of a batch
-- (FOR UPDATE) before storing its observations and skips monitors that are gone, and deleting a monitor
-- deletes its observations in the same transaction (MonitorStore.delete), after taking that same row lock.
DO $$
DECLARE
  monitor_key text;
BEGIN
  SELECT conname INTO monitor_key FROM pg_constraint
   WHERE conrelid = 'observations'::regclass AND contype = 'f';
  IF monitor_key IS NOT NULL THEN
    EXECUTE 'ALTER TABLE observations DROP CONSTRAINT ' || quote_ident(monitor_key);
  END IF;
END $$;
