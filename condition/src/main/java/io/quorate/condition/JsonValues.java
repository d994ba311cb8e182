package io.quorate.condition;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** How a value found in a JSON body reads in a condition. */
final class JsonValues {
  private JsonValues() {
  }

  /** Numbers stay numbers; strings are quoted text; objects, arrays, booleans and null are unquoted text. */
  static Value toValue(Object json) {
    if (json instanceof Number number) {
      return new Value.Numeric(number.doubleValue());
    }
    if (json instanceof String text) {
      return new Value.Textual(text, true);
    }
    return new Value.Textual(encode(json), false);
  }

  /** The number of elements of an array or object, or of characters of a string; -1 for anything else. */
  static int length(Object json) {
    if (json instanceof JsonArray array) {
      return array.size();
    }
    if (json instanceof JsonObject object) {
      return object.size();
    }
    return json instanceof String text ? Texts.length(text) : -1;
  }

  static String encode(Object json) {
    if (json instanceof JsonObject object) {
      return object.encode();
    }
    if (json instanceof JsonArray array) {
      return array.encode();
    }
    if (json instanceof Number number) {
      return Numbers.format(number.doubleValue());
    }
    return json == PathSegment.JsonNull.INSTANCE ? "null" : String.valueOf(json);
  }
}
