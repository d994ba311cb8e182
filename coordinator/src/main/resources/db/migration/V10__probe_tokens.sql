-- Per-region enrollment tokens: a probe presenting one may speak only for that token's region. The token
-- itself is shown once when created and stored only as its SHA-256 (random 24-byte tokens: a plain hash
-- is enough, see ProbeTokenStore). Revoked tokens stay listed for the record.
CREATE TABLE probe_tokens (
  id           uuid PRIMARY KEY,
  region       text NOT NULL,
  name         text NOT NULL,
  token_sha256 text NOT NULL UNIQUE,
  created_at   timestamptz NOT NULL,
  created_by   text,
  last_used_at timestamptz,
  revoked_at   timestamptz
);

-- Probe links refused (unknown or revoked token, a region the token does not speak for), newest kept:
-- what an operator reads to find a misconfigured or retired probe. Never the token.
CREATE TABLE probe_link_refusals (
  id               bigserial PRIMARY KEY,
  refused_at       timestamptz NOT NULL,
  coordinator_node text NOT NULL,
  remote_address   text NOT NULL,
  region_claimed   text,
  token_id         uuid,
  reason           text NOT NULL,
  detail           text NOT NULL
);
