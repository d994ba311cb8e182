package io.quorate.condition;

import io.quorate.condition.ConditionResult.Failure;
import java.util.List;
import java.util.Objects;

/**
 * A value taken from the response: {@code [STATUS]}, {@code [RESPONSE_TIME]}, {@code [BODY]} or a JSON path
 * into it, {@code [HEADER].Name}, {@code [METRIC].name{label="v"}} or {@code [CERTIFICATE_EXPIRATION]}.
 * A new placeholder is a record here plus a case in {@link PlaceholderParser}.
 */
public sealed interface Placeholder extends Operand permits Placeholder.Status, Placeholder.ResponseTime,
    Placeholder.CertificateExpiration, Placeholder.Body, Placeholder.Header, Placeholder.Metric {

  /** Whether the value is there at all; what {@code has()} asks, so it never fails. */
  boolean exists(ResponseView response);

  /** Whether a duration compared with this placeholder is in milliseconds (else seconds). */
  default boolean inMilliseconds() {
    return false;
  }

  @Override
  default boolean isMeasured() {
    return true;
  }

  /** The HTTP status code. */
  record Status() implements Placeholder {
    @Override
    public String text() {
      return "[STATUS]";
    }

    @Override
    public Value resolve(ResponseView response) {
      return new Value.Numeric(response.response().status());
    }

    @Override
    public boolean exists(ResponseView response) {
      return true;
    }
  }

  /** Milliseconds from sending the request to the end of the body. */
  record ResponseTime() implements Placeholder {
    @Override
    public String text() {
      return "[RESPONSE_TIME]";
    }

    @Override
    public Value resolve(ResponseView response) {
      return new Value.Numeric(response.response().responseTimeMs());
    }

    @Override
    public boolean exists(ResponseView response) {
      return true;
    }

    @Override
    public boolean inMilliseconds() {
      return true;
    }
  }

  /** Seconds until the server's TLS certificate expires; missing when the check was not over HTTPS. */
  record CertificateExpiration() implements Placeholder {
    @Override
    public String text() {
      return "[CERTIFICATE_EXPIRATION]";
    }

    @Override
    public Value resolve(ResponseView response) {
      return response.response().certificateExpiresInMs().isPresent()
          ? new Value.Numeric(response.response().certificateExpiresInMs().getAsLong() / 1000.0)
          : new Value.Unavailable(text(), "no TLS certificate (not HTTPS)", Failure.FIELD_MISSING);
    }

    @Override
    public boolean exists(ResponseView response) {
      return response.response().certificateExpiresInMs().isPresent();
    }
  }

  /**
   * The body: as text ({@code [BODY]}, whitespace around it removed) or, with a path, a value inside the JSON
   * body ({@code [BODY].queues[0].depth}, {@code [BODY][0]} for a top-level array).
   */
  record Body(List<PathSegment> path) implements Placeholder {
    public Body {
      path = List.copyOf(path);
    }

    @Override
    public String text() {
      if (path.isEmpty()) {
        return "[BODY]";
      }
      StringBuilder text = new StringBuilder("[BODY]");
      for (PathSegment segment : path) {
        text.append(segment.text());
      }
      return text.toString();
    }

    @Override
    public Value resolve(ResponseView response) {
      if (path.isEmpty()) {
        return new Value.Textual(response.response().body().strip(), true);
      }
      Object selected = select(response);
      return selected instanceof Value.Unavailable missing ? missing : JsonValues.toValue(selected);
    }

    @Override
    public boolean exists(ResponseView response) {
      return path.isEmpty() || !(select(response) instanceof Value.Unavailable);
    }

    /**
     * The JSON value at the path, or a {@link Value.Unavailable} saying why there is none. One method for both
     * so that len() and has() see exactly what a comparison sees.
     */
    Object select(ResponseView response) {
      Object current = response.json().orElse(null);
      if (current == null) {
        return new Value.Unavailable("[BODY]", "not JSON", Failure.UNPARSABLE);
      }
      for (PathSegment segment : path) {
        current = segment.select(current).orElse(null);
        if (current == null) {
          return new Value.Unavailable(text(), "field missing", Failure.FIELD_MISSING);
        }
      }
      return current;
    }
  }

  /** A response header, its name compared ignoring case. */
  record Header(String name) implements Placeholder {
    public Header {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String text() {
      return "[HEADER]." + name;
    }

    @Override
    public Value resolve(ResponseView response) {
      return response.header(name).<Value>map(value -> new Value.Textual(value, true))
          .orElseGet(() -> new Value.Unavailable(text(), "header missing", Failure.FIELD_MISSING));
    }

    @Override
    public boolean exists(ResponseView response) {
      return response.header(name).isPresent();
    }
  }

  /**
   * One series of a Prometheus text body: the samples named {@code name} that carry every label given. Exactly
   * one must match; none or several fail with a reason rather than picking one.
   */
  record Metric(String name, List<Label> labels) implements Placeholder {
    public Metric {
      Objects.requireNonNull(name, "name");
      labels = List.copyOf(labels);
    }

    @Override
    public String text() {
      StringBuilder text = new StringBuilder("[METRIC].").append(name);
      for (int i = 0; i < labels.size(); i++) {
        text.append(i == 0 ? "{" : ",").append(labels.get(i).text());
      }
      return labels.isEmpty() ? text.toString() : text.append('}').toString();
    }

    @Override
    public Value resolve(ResponseView response) {
      PrometheusText metrics = response.metrics().orElse(null);
      if (metrics == null) {
        return new Value.Unavailable(text(), "body is not Prometheus text", Failure.UNPARSABLE);
      }
      PrometheusText.Found found = metrics.find(name, labels);
      return switch (found.count()) {
        case 0 -> new Value.Unavailable(text(), "metric missing", Failure.FIELD_MISSING);
        case 1 -> new Value.Numeric(found.value());
        default -> new Value.Unavailable(text(),
            "matches " + found.count() + " series, add labels to choose one", Failure.FIELD_MISSING);
      };
    }

    @Override
    public boolean exists(ResponseView response) {
      return response.metrics().map(metrics -> metrics.find(name, labels).count() > 0).orElse(false);
    }
  }

  /** A label a {@link Metric} selects on; the empty value selects series without the label. */
  record Label(String name, String value) {
    public Label {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }

    /** As Prometheus writes it: {@code queue="critical"}, with {@code \\ \" \n} escaped. */
    public String text() {
      String escaped = value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
      return name + "=\"" + escaped + '"';
    }
  }
}
