package io.quorate.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;

/** Everything wrong in a set of files, reported together so one run shows every stale reference. */
final class Problems {
  private final List<String> found = new ArrayList<>();

  void add(String where, String problem) {
    found.add(where + ": " + problem);
  }

  List<String> list() {
    return List.copyOf(found);
  }

  void assertNone() {
    if (!found.isEmpty()) {
      fail(found.size() + " problem(s) in deploy/:\n  " + String.join("\n  ", found));
    }
  }
}
