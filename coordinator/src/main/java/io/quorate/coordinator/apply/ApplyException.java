package io.quorate.coordinator.apply;

import java.util.List;

/**
 * Why {@code apply} stopped: each problem names the item and the field; the outcome says what was written
 * before it stopped. Exit code 1.
 */
final class ApplyException extends RuntimeException {
  static final String NOTHING_APPLIED = "Nothing was applied.";
  private final List<String> problems;
  private final String outcome;

  ApplyException(List<String> problems, String outcome) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
    this.outcome = outcome;
  }

  ApplyException(List<String> problems) {
    this(problems, NOTHING_APPLIED);
  }

  ApplyException(String problem) {
    this(List.of(problem));
  }

  List<String> problems() {
    return problems;
  }

  String outcome() {
    return outcome;
  }
}
