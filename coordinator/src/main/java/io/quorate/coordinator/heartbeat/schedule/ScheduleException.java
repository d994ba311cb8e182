package io.quorate.coordinator.heartbeat.schedule;

/**
 * A schedule that cannot be used, naming the request field at fault ({@code period}, {@code cron} or
 * {@code timezone}). The message starts with {@code "<field>: "} so it reads well on its own in a log, and callers
 * that report the field separately strip that prefix.
 */
public final class ScheduleException extends IllegalArgumentException {
  private final String field;

  public ScheduleException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  public ScheduleException(String field, String problem, Throwable cause) {
    super(field + ": " + problem, cause);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
