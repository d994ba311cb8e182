package io.quorate.condition;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every condition the user-facing docs show in backticks or JSON strings must parse: a copy-pasted example
 * that the API refuses would be the first thing a new user meets. Result lines (with "—" or a measured
 * value in parentheses) and reasons (with ": ") are not conditions and are skipped.
 */
class DocumentedConditionsTest {
  private static final Pattern QUOTED = Pattern.compile("`([^`\\n]+)`|\"((?:[^\"\\\\\\n]|\\\\.)+)\"");
  private static final Pattern CONDITION = Pattern.compile("^(\\[|len\\(|has\\().*(==|!=|<|>)");
  private static final Pattern RESULT_LINE = Pattern.compile("—|\\(\\d|\\): |: |\\.\\.\\.|…");

  @ParameterizedTest
  @ValueSource(strings = {"../README.md", "../docs/conditions.md", "README.md"})
  void everyDocumentedConditionParses(String file) throws IOException {
    List<String> conditions = conditionsIn(Files.readString(Path.of(file)));
    assertTrue(conditions.size() >= 5, file + " shows conditions: " + conditions);
    for (String text : conditions) {
      try {
        Condition.parse(text);
      } catch (ConditionSyntaxException e) {
        fail(file + " documents a condition the parser refuses: " + e.getMessage());
      }
    }
  }

  private static List<String> conditionsIn(String markdown) {
    List<String> found = new ArrayList<>();
    // Code fences would pair up with inline backticks across whole blocks.
    String text = markdown.replace("```", "");
    Matcher m = QUOTED.matcher(text);
    while (m.find()) {
      String candidate = (m.group(1) != null ? m.group(1) : m.group(2).replace("\\\"", "\"")).strip();
      if (CONDITION.matcher(candidate).find() && !RESULT_LINE.matcher(candidate).find()
          && !candidate.contains("<placeholder>") && !quotedInAnErrorMessage(text, m.start())) {
        found.add(candidate);
      }
    }
    return found;
  }

  /** {@code condition "[BODY].age < 5min": unknown duration unit ...}: an example of a refusal. */
  private static boolean quotedInAnErrorMessage(String text, int start) {
    return text.substring(Math.max(0, start - 10), start).endsWith("condition ");
  }
}
