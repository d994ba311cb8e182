package io.quorate.condition;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/** One step of a JSON path: a key ({@code .enqueued}) or an array index ({@code [0]}). */
public sealed interface PathSegment permits PathSegment.Key, PathSegment.Index {

  /** The step as written in a condition. */
  String text();

  /**
   * The value one step further in, or empty when there is none. A JSON {@code null} that is present is a
   * value ({@link JsonNull#INSTANCE}), not a missing field.
   */
  Optional<Object> select(Object json);

  /** A present JSON {@code null}, kept apart from "no such field". */
  enum JsonNull { INSTANCE }

  record Key(String name) implements PathSegment {
    @Override
    public String text() {
      return "." + name;
    }

    @Override
    public Optional<Object> select(Object json) {
      if (json instanceof JsonObject object && object.containsKey(name)) {
        Object value = object.getValue(name);
        return Optional.of(value == null ? JsonNull.INSTANCE : value);
      }
      return Optional.empty();
    }
  }

  record Index(int index) implements PathSegment {
    @Override
    public String text() {
      return "[" + index + "]";
    }

    @Override
    public Optional<Object> select(Object json) {
      if (json instanceof JsonArray array && index < array.size()) {
        Object value = array.getValue(index);
        return Optional.of(value == null ? JsonNull.INSTANCE : value);
      }
      return Optional.empty();
    }
  }
}
