package io.quorate.condition;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import java.util.Objects;
import java.util.Optional;

/**
 * A response as conditions see it. The body is parsed as JSON on first use and at most once, however many
 * conditions look into it; use one view for all the conditions of one check (see {@link Conditions}).
 * Not thread-safe: a view belongs to one evaluation.
 */
public final class ResponseView {
  private final CheckResponse response;
  private boolean parsed;
  private Object json;
  private int parses;

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
    if (!parsed) {
      parsed = true;
      parses++;
      json = parse(response.body());
    }
    return Optional.ofNullable(json);
  }

  /** How many times the body was parsed: 0 or 1. For tests that hold the "at most once" promise. */
  int parses() {
    return parses;
  }

  private static Object parse(String body) {
    if (body.isBlank()) {
      return null;
    }
    try {
      Object value = Json.decodeValue(body);
      return value == null ? PathSegment.JsonNull.INSTANCE : value;
    } catch (DecodeException e) {
      return null;
    }
  }
}
