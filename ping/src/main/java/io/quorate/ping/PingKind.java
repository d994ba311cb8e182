package io.quorate.ping;

/** What a ping says about a job run. An exit status URL maps to {@link #SUCCESS} (0) or {@link #FAIL} (1–255). */
public enum PingKind {
  /** The job finished its work: {@code /ping/<uuid>} or exit status 0. */
  SUCCESS,
  /** The job started: {@code /ping/<uuid>/start}. Pairs with the next completion (by {@code rid} when given). */
  START,
  /** The job failed: {@code /ping/<uuid>/fail} or exit status 1–255. Opens an incident at once. */
  FAIL,
  /** A message to keep with the monitor: {@code /ping/<uuid>/log}. Changes no state. */
  LOG
}
