-- Where each probe node's link comes from, for the operators' probe list: the remote address the coordinator
-- saw and the enrollment token it presented (NULL for the shared --probe-token). Never the token itself.
ALTER TABLE probe_nodes ADD COLUMN address text NOT NULL DEFAULT '';
ALTER TABLE probe_nodes ADD COLUMN token_id uuid;
