-- Every stored observation rewrites its region's verdict row. With full pages each rewrite moves the row to
-- another page and adds an index entry; with room left on the page PostgreSQL updates it in place (a HOT
-- update: no index entry, less to vacuum). Only the primary key is indexed and it never changes.
ALTER TABLE region_verdicts SET (fillfactor = 50);
