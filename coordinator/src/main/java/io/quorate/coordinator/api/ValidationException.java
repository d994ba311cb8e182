package io.quorate.coordinator.api;

/** Bad input from an API caller: answered 400 with the field and the problem. */
public class ValidationException extends RuntimeException {
  private final String field;

  public ValidationException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
