package io.quorate.probe.check;

import io.quorate.link.v1.FailureKind;

/** Why a run is down: the bucket a dashboard groups by, and the reason a person reads. */
record Failure(FailureKind kind, String reason) {
  private static final long KIB = 1024;
  private static final long MIB = 1024 * 1024;

  static Failure timeout(long timeoutMs) {
    return new Failure(FailureKind.FAILURE_KIND_TIMEOUT, "timeout after " + timeoutMs + " ms");
  }

  /** {@code body larger than 1 MiB (cap 1048576 bytes)}. */
  static Failure bodyTooLarge(long capBytes) {
    String size = size(capBytes);
    String cap = size.endsWith(" bytes") ? "" : " (cap " + capBytes + " bytes)";
    return new Failure(FailureKind.FAILURE_KIND_BODY_TOO_LARGE, "body larger than " + size + cap);
  }

  static Failure invalidCheck(String reason) {
    return new Failure(FailureKind.FAILURE_KIND_INVALID_CHECK, reason);
  }

  static Failure targetRefused(String reason) {
    return new Failure(FailureKind.FAILURE_KIND_TARGET_REFUSED, reason);
  }

  private static String size(long bytes) {
    if (bytes >= MIB && bytes % MIB == 0) {
      return bytes / MIB + " MiB";
    }
    if (bytes >= KIB && bytes % KIB == 0) {
      return bytes / KIB + " KiB";
    }
    return bytes + " bytes";
  }
}
