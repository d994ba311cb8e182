package io.quorate.bench.ping;

import io.quorate.bench.support.Result;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what wrk printed with the benchmark's Lua script: the {@code PINGS} and {@code LATENCY} lines of its
 * {@code done()}, and wrk's own {@code Requests/sec} line.
 */
final class WrkOutput {
  private static final Pattern PAIR = Pattern.compile("([a-z0-9_]+)=(\\d+)");
  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

  private WrkOutput() {
  }

  /**
   * @return ok, client_errors, server_errors, other, socket_errors, duration_s, rate (2xx answers a second
   *     over wrk's own duration), p50_ms, p99_ms, p999_ms, max_ms
   * @throws IllegalArgumentException naming what is missing when the output is not the script's
   */
  static Result parse(String output) {
    Result result = new Result();
    String pings = line(output, "PINGS ");
    String latency = line(output, "LATENCY ");
    long ok = value(pings, "2xx");
    double seconds = value(pings, "duration_us") / 1e6;
    result.put("ok", ok).put("client_errors", value(pings, "4xx")).put("server_errors", value(pings, "5xx"))
        .put("other", value(pings, "other")).put("socket_errors", value(pings, "socket_errors"))
        .put("duration_s", seconds).put("rate", seconds == 0 ? 0 : ok / seconds);
    for (String key : new String[] {"p50", "p99", "p999", "max"}) {
      result.put(key + "_ms", value(latency, key + "_us") / 1000.0);
    }
    Matcher rate = RATE.matcher(output);
    result.put("wrk_rate", rate.find() ? Double.parseDouble(rate.group(1)) : 0);
    return result;
  }

  /** All errors a worker would see: 4xx (e.g. 429), 5xx (503), other statuses and socket errors. */
  static long errors(Result wrk) {
    return (long) (wrk.number("client_errors") + wrk.number("server_errors") + wrk.number("other")
        + wrk.number("socket_errors"));
  }

  private static String line(String output, String prefix) {
    for (String line : output.split("\n")) {
      if (line.startsWith(prefix)) {
        return line;
      }
    }
    throw new IllegalArgumentException("wrk printed no " + prefix.strip() + " line: is the Lua script in use?\n"
        + output);
  }

  private static long value(String line, String key) {
    Matcher pair = PAIR.matcher(line);
    while (pair.find()) {
      if (pair.group(1).equals(key)) {
        return Long.parseLong(pair.group(2));
      }
    }
    throw new IllegalArgumentException("no " + key + "= in \"" + line + "\"");
  }
}
