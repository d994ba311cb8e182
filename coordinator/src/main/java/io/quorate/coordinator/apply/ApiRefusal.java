package io.quorate.coordinator.apply;

/** The coordinator answered a request with an error (or could not be reached: status 0). */
final class ApiRefusal extends RuntimeException {
  private final int status;
  private final String field;

  ApiRefusal(int status, String message, String field) {
    super(message);
    this.status = status;
    this.field = field;
  }

  int status() {
    return status;
  }

  /** {@code quorum: must be ...}: the API's message, which names the field, else the field put before it. */
  String problem() {
    return field == null || getMessage().startsWith(field + ":") ? getMessage() : field + ": " + getMessage();
  }
}
