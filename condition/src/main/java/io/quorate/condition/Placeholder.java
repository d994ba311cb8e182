package io.quorate.condition;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A value taken from the response: {@code [STATUS]}, {@code [RESPONSE_TIME]}, {@code [BODY]} or a JSON path
 * into the body such as {@code [BODY].queues[0].depth}.
 *
 * @param kind which part of the response
 * @param path steps into the JSON body; only {@link Kind#BODY} takes a path
 */
public record Placeholder(Kind kind, List<PathSegment> path) implements Operand {

  /** The parts of a response a placeholder can name. New Gatus placeholders ([CONNECTED], ...) go here. */
  public enum Kind {
    STATUS("[STATUS]"),
    RESPONSE_TIME("[RESPONSE_TIME]"),
    BODY("[BODY]");

    private final String token;

    Kind(String token) {
      this.token = token;
    }

    public String token() {
      return token;
    }

    static Optional<Kind> fromToken(String token) {
      for (Kind kind : values()) {
        if (kind.token.equals(token)) {
          return Optional.of(kind);
        }
      }
      return Optional.empty();
    }
  }

  public Placeholder {
    Objects.requireNonNull(kind, "kind");
    path = List.copyOf(path);
    if (kind != Kind.BODY && !path.isEmpty()) {
      throw new IllegalArgumentException(kind.token + " takes no path");
    }
  }

  @Override
  public String text() {
    return kind.token + path.stream().map(PathSegment::text).collect(Collectors.joining());
  }

  @Override
  public Value resolve(ResponseView response) {
    return switch (kind) {
      case STATUS -> new Value.Numeric(response.response().status());
      case RESPONSE_TIME -> new Value.Numeric(response.response().responseTimeMs());
      case BODY -> path.isEmpty() ? new Value.Textual(response.response().body().strip(), true) : resolvePath(response);
    };
  }

  private Value resolvePath(ResponseView response) {
    Optional<Object> json = response.json();
    if (json.isEmpty()) {
      return new Value.Unavailable(kind.token, "not JSON");
    }
    Object current = json.get();
    for (PathSegment segment : path) {
      Optional<Object> next = segment.select(current);
      if (next.isEmpty()) {
        return new Value.Unavailable(text(), "field missing");
      }
      current = next.get();
    }
    return fromJson(current);
  }

  private static Value fromJson(Object json) {
    if (json instanceof Number number) {
      return new Value.Numeric(number.doubleValue());
    }
    if (json instanceof String text) {
      return new Value.Textual(text, true);
    }
    if (json instanceof JsonObject object) {
      return new Value.Textual(object.encode(), false);
    }
    if (json instanceof JsonArray array) {
      return new Value.Textual(array.encode(), false);
    }
    if (json == PathSegment.JsonNull.INSTANCE) {
      return new Value.Textual("null", false);
    }
    return new Value.Textual(String.valueOf(json), false);
  }
}
