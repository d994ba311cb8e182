package io.quorate.ping;

/** A ping URL that is not one of the accepted forms; {@link #status()} is the HTTP status to answer. */
public final class PingPathException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final int status;

  public PingPathException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
