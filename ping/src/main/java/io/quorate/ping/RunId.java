package io.quorate.ping;

import java.util.regex.Pattern;

/**
 * The {@code ?rid=} query parameter that pairs a start ping with its completion, so concurrent runs of one
 * job are told apart. Healthchecks asks for a UUID; any short token of letters, digits and {@code . _ : -}
 * is accepted here, so a Celery task id or a Sidekiq jid can be used as is.
 */
public final class RunId {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

  private RunId() {
  }

  /**
   * @param raw the parameter's value, or null when absent
   * @return the run id, empty when absent
   * @throws PingPathException 400 when present but malformed
   */
  public static String parse(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    if (!VALID.matcher(raw).matches()) {
      throw new PingPathException(400, "rid must be 1 to 100 letters, digits or . _ : - (a UUID works); got \""
          + PingPath.abbreviate(raw) + "\"");
    }
    return raw;
  }
}
