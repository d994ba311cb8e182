package io.quorate.probe.target;

/**
 * The probe will not send a check to this target. The message is the reason a person reads, e.g.
 * {@code target refused: 169.254.169.254 is link-local (cloud metadata); allow it with --allow-targets
 * on this probe}. No stack trace: it is an expected outcome, not a bug.
 */
public final class TargetRefusedException extends RuntimeException {
  public TargetRefusedException(String reason) {
    super(reason, null, false, false);
  }
}
