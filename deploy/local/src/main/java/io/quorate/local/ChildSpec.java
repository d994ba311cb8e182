package io.quorate.local;

import java.util.List;
import java.util.Map;

/**
 * One child process to start: its name (log prefix and log file name), its command line, and the
 * secrets it gets through its environment ({@code QUORATE_ADMIN_TOKEN}, {@code QUORATE_PROBE_TOKEN}), so
 * tokens never show on a command line that {@code ps} would list to every user of the machine.
 */
record ChildSpec(String name, List<String> command, Map<String, Secret> secretEnvironment) {
  ChildSpec {
    command = List.copyOf(command);
    secretEnvironment = Map.copyOf(secretEnvironment);
  }

  /** The command line; secrets are not on it, and the environment is not shown. */
  @Override
  public String toString() {
    return String.join(" ", command);
  }
}
