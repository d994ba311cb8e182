package io.quorate.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every QUORATE_* name written anywhere in the deploy files and their README, comments and commented-out
 * examples included, is an option of one of the processes: an operator copies those too.
 */
final class MentionedVariablesCheck {
  private static final Pattern VARIABLE = Pattern.compile("\\bQUORATE_[A-Z0-9_]*[A-Z0-9]\\b");
  private static final List<String> FOLDERS = List.of("docker", "compose", "k8s", "systemd", "grafana");

  private MentionedVariablesCheck() {}

  static void check(Problems problems) {
    Set<String> known = new HashSet<>();
    for (QuorateProcess process : QuorateProcess.values()) {
      known.addAll(process.environmentNames().keySet());
    }
    for (Path file : files()) {
      Matcher variable = VARIABLE.matcher(RepositoryFiles.read(file));
      Set<String> reported = new HashSet<>();
      while (variable.find()) {
        if (!known.contains(variable.group()) && reported.add(variable.group())) {
          problems.add(RepositoryFiles.root().relativize(file).toString(),
              variable.group() + " is an option of neither the coordinator nor the probe node");
        }
      }
    }
  }

  private static List<Path> files() {
    List<Path> files = new ArrayList<>();
    FOLDERS.forEach(folder -> files.addAll(RepositoryFiles.filesUnder(RepositoryFiles.deploy(folder), "")));
    files.add(RepositoryFiles.deploy("README.md"));
    return files;
  }
}
