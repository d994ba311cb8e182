package io.quorate.ping;

/**
 * A ping request's URL as both ping endpoints (probe node and coordinator) read it: the path after
 * {@code /ping/} and the {@code ?rid=} parameter.
 *
 * @param path what the URL says about which monitor and what happened
 * @param runId the run id, empty when absent
 */
public record PingRequest(PingPath path, String runId) {
  private static final String PREFIX = "/ping/";

  /**
   * @param requestPath the request's path, starting with {@code /ping/}, without the query string
   * @param rid the {@code rid} query parameter, or null
   * @throws PingPathException with the HTTP status to answer (400 or 404) and a message naming the problem
   */
  public static PingRequest parse(String requestPath, String rid) {
    if (!requestPath.startsWith(PREFIX)) {
      throw new PingPathException(404, "not a ping URL: expected /ping/...");
    }
    return new PingRequest(PingPath.parse(requestPath.substring(PREFIX.length())), RunId.parse(rid));
  }

  /** How the URL names the monitor: its uuid, or {@code <ping key>/<slug>}. The rate limit's key too. */
  public String target() {
    return path.target();
  }
}
