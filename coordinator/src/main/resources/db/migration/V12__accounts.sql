-- People who sign in to the team view, their sessions, and API keys for scripts.
-- Passwords are stored as Argon2id hashes; session ids and API keys only as SHA-256 (they are 32 random
-- bytes, so a slow hash would add cost to every request without making them harder to guess).
CREATE TABLE users (
  id            uuid PRIMARY KEY,
  username      text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  role          text NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
  created_at    timestamptz NOT NULL,
  created_by    text,
  disabled_at   timestamptz
);

CREATE TABLE sessions (
  id_sha256    text PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token   text NOT NULL,
  created_at   timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_keys (
  id           uuid PRIMARY KEY,
  name         text NOT NULL,
  key_prefix   text NOT NULL,
  key_sha256   text NOT NULL UNIQUE,
  scope        text NOT NULL CHECK (scope IN ('read', 'read-write')),
  created_at   timestamptz NOT NULL,
  created_by   text NOT NULL,
  last_used_at timestamptz,
  revoked_at   timestamptz
);
