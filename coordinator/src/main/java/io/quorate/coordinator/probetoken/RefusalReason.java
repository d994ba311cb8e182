package io.quorate.coordinator.probetoken;

/**
 * Why a probe link was refused. {@code denied} separates "this token is no credential" (unauthenticated)
 * from "a valid token, asking for what it may not have" (permission denied); the link maps it to a gRPC status.
 */
public enum RefusalReason {
  MISSING_TOKEN("missing probe token: send it as authorization: Bearer <token>", false),
  UNKNOWN_TOKEN("unknown probe token", false),
  REVOKED_TOKEN("probe token revoked", false),
  WRONG_REGION("the probe token does not speak for this region", true);

  private final String message;
  private final boolean denied;

  RefusalReason(String message, boolean denied) {
    this.message = message;
    this.denied = denied;
  }

  public String message() {
    return message;
  }

  public boolean denied() {
    return denied;
  }

  /** The name the API shows: {@code unknown_token}. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
