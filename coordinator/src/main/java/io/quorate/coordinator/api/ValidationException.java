package io.quorate.coordinator.api;

/** Bad input from an API caller: answered 400 with the field and the problem. */
public class ValidationException extends RuntimeException {
  private final String field;
  private final String problem;

  public ValidationException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
    this.problem = problem;
  }

  /** What is wrong, without the field name. */
  public String problem() {
    return problem;
  }

  public String field() {
    return field;
  }
}
