package io.quorate.probe.link;

/** The spool has reached its size limit: a ping is refused (503) rather than accepted and later lost. */
public final class OutboxFullException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OutboxFullException(long bytes, long maxBytes) {
    super("spool full: " + bytes + " of " + maxBytes + " bytes used, waiting for the coordinator");
  }
}
