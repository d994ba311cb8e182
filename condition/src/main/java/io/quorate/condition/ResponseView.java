package io.quorate.condition;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A response as conditions see it. The body is parsed on first use and at most once per format (JSON,
 * Prometheus text), however many conditions and series look into it; use one view for everything evaluated
 * on one response (see {@link Conditions#evaluate}). Not thread-safe: a view belongs to one evaluation.
 */
public final class ResponseView {
  private static final String JSON_STARTS = "{[\"-0123456789tfn";

  private final CheckResponse response;
  private boolean jsonParsed;
  private Object json;
  private int jsonParses;
  private boolean metricsParsed;
  private PrometheusText metrics;
  private int metricParses;

  private ResponseView(CheckResponse response) {
    this.response = Objects.requireNonNull(response, "response");
  }

  public static ResponseView of(CheckResponse response) {
    return new ResponseView(response);
  }

  public CheckResponse response() {
    return response;
  }

  /**
   * The body parsed as JSON, or empty when it is not JSON (including an empty body). A body of
   * {@code null} parses to {@link PathSegment.JsonNull#INSTANCE}.
   */
  public Optional<Object> json() {
    if (!jsonParsed) {
      jsonParsed = true;
      jsonParses++;
      json = parseJson(response.body());
    }
    return Optional.ofNullable(json);
  }

  /** The body read as Prometheus text exposition, or empty when it is not. */
  Optional<PrometheusText> metrics() {
    if (!metricsParsed) {
      metricsParsed = true;
      metricParses++;
      metrics = PrometheusText.parse(response.body()).orElse(null);
    }
    return Optional.ofNullable(metrics);
  }

  /** A header's value, the name compared ignoring case; repeated headers joined with ", " as HTTP allows. */
  Optional<String> header(String name) {
    String found = null;
    for (Map.Entry<String, List<String>> header : response.headers().entrySet()) {
      if (header.getKey().equalsIgnoreCase(name)) {
        for (String value : header.getValue()) {
          found = found == null ? value : found + ", " + value;
        }
      }
    }
    return Optional.ofNullable(found);
  }

  /** How many times the body was parsed as JSON: 0 or 1. For tests that hold the "at most once" promise. */
  int parses() {
    return jsonParses;
  }

  /** How many times the body was read as Prometheus text: 0 or 1. */
  int metricParses() {
    return metricParses;
  }

  private static Object parseJson(String body) {
    String text = body.strip();
    // Most non-JSON bodies (HTML, Prometheus text, plain words) are refused here, without an exception.
    if (text.isEmpty() || JSON_STARTS.indexOf(text.charAt(0)) < 0) {
      return null;
    }
    try {
      Object value = Json.decodeValue(text);
      return value == null ? PathSegment.JsonNull.INSTANCE : value;
    } catch (DecodeException e) {
      return null;
    }
  }
}
