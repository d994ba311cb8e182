package io.quorate.deploy;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks one place that runs a Quorate process (a compose service, a container, a systemd unit) against
 * the code: its QUORATE_* variables and --flags are options, and the ports it mentions are ports the
 * process listens on with that configuration.
 */
final class ProcessUsage {
  private static final Pattern FLAG = Pattern.compile("(?<![\\w-])(--[a-z][a-z0-9-]*)");

  private final QuorateProcess process;
  private final String where;
  private final Map<String, String> environment;
  private final Problems problems;

  /** @param environment the variables set for the process; values may be placeholders */
  ProcessUsage(QuorateProcess process, String where, Map<String, String> environment, Problems problems) {
    this.process = process;
    this.where = where;
    this.environment = environment;
    this.problems = problems;
    checkEnvironmentNames(environment.keySet());
  }

  /** Variables the process gets from elsewhere (a Secret, an env file) are options too. */
  void checkEnvironmentNames(Collection<String> names) {
    Map<String, String> known = process.environmentNames();
    names.stream().filter(name -> name.startsWith("QUORATE_")).filter(name -> !known.containsKey(name))
        .forEach(name -> problems.add(where, name + " is not an option of " + process.module));
  }

  /** Every {@code --flag} in a command line is an option of the process. */
  void checkFlags(String commandLine) {
    Matcher flags = FLAG.matcher(commandLine);
    while (flags.find()) {
      String flag = flags.group(1);
      if (!process.options().containsKey(flag) && !isJvmFlag(flag)) {
        problems.add(where, flag + " is not an option of " + process.module);
      }
    }
  }

  void checkPort(int port, String what) {
    if (!process.ports(environment).contains(port)) {
      problems.add(where, what + " " + port + " is not a port " + process.module + " listens on here "
          + process.ports(environment));
    }
  }

  /** Health checks and metrics scraping go to the HTTP port. */
  void checkHttpPort(int port, String what) {
    int http = process.httpPort(environment);
    if (port != http) {
      problems.add(where, what + " " + port + " is not the HTTP port of " + process.module + " here (" + http + ")");
    }
  }

  /** The platform's wait between SIGTERM and SIGKILL leaves the process its graceful stop. */
  void checkStopTime(String given, String what) {
    Optional<java.time.Duration> needed = process.stopTime(environment);
    Optional<java.time.Duration> allowed = Durations.parse(given);
    if (needed.isEmpty()) {
      problems.add(where, process.module + " has no option " + process.stopOption + " to check " + what + " against");
    } else if (allowed.isEmpty() || allowed.get().compareTo(needed.get()) < 0) {
      problems.add(where, what + " " + given + " is shorter than " + process.module + "'s " + process.stopOption
          + " and " + QuorateProcess.CLOSE_MARGIN.toSeconds() + "s to close (" + needed.get().toSeconds() + "s)");
    }
  }

  /** A {@code host:port,...} value: each port must be the given option's value on the other side. */
  void checkAddressPorts(String addresses, QuorateProcess target, String portOption, Map<String, String> targetEnv) {
    checkAddressPorts(where, problems, addresses, target, portOption, targetEnv);
  }

  static void checkAddressPorts(String where, Problems problems, String addresses, QuorateProcess target,
      String portOption, Map<String, String> targetEnv) {
    Optional<Integer> expected = target.port(portOption, targetEnv);
    if (expected.isEmpty()) {
      problems.add(where, target.module + " has no option " + portOption + " to check " + addresses + " against");
      return;
    }
    for (String address : addresses.split(",")) {
      String port = address.strip().replaceFirst(".*:", "");
      if (!port.equals(expected.get().toString())) {
        problems.add(where, "address " + address.strip() + " does not use " + target.module + "'s " + portOption
            + " " + expected.get());
      }
    }
  }

  private static boolean isJvmFlag(String flag) {
    return flag.startsWith("--add-");
  }
}
