package io.quorate.bench.coordinator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * CPU time of a local PostgreSQL server: its postmaster and every live child (backends, WAL writer,
 * checkpointer...), from {@code /proc}. Backends of the coordinator's pool live as long as their
 * connections, so the sum over a window is what the server spent on the coordinator's work then. The
 * postmaster's process id and port come from {@code postmaster.pid} in its data directory.
 */
final class PgProcesses {
  /** USER_HZ, as in {@code ThreadCpu}. */
  private static final double TICKS_PER_SECOND = 100;
  private static final Path PROC = Path.of("/proc");

  private PgProcesses() {
  }

  /** Line 1 of postmaster.pid is the process id, line 4 the port. */
  record Postmaster(int pid, int port) {
    static Postmaster parse(List<String> pidFileLines) {
      if (pidFileLines.size() < 4) {
        throw new IllegalArgumentException("postmaster.pid has " + pidFileLines.size() + " lines, expected at least 4");
      }
      return new Postmaster(Integer.parseInt(pidFileLines.get(0).strip()), Integer.parseInt(pidFileLines.get(3).strip()));
    }

    static Postmaster read(Path dataDir) throws IOException {
      return parse(Files.readAllLines(dataDir.resolve("postmaster.pid")));
    }
  }

  /** One line of {@code /proc/<pid>/stat}: its parent and its user + system ticks. */
  record Stat(int ppid, long ticks) {
    static Stat parse(String line) {
      // "pid (name with spaces) state ppid ..."; utime and stime are fields 14 and 15
      String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
      return new Stat(Integer.parseInt(fields[1]), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
    }
  }

  /** Seconds of CPU used so far by the postmaster and its live children; NaN without /proc. */
  static double cpuSeconds(int postmasterPid) {
    long ticks = 0;
    try (Stream<Path> processes = Files.list(PROC)) {
      for (Path process : processes.toList()) {
        OptionalInt pid = pid(process);
        if (pid.isEmpty()) {
          continue;
        }
        try {
          Stat stat = Stat.parse(Files.readString(process.resolve("stat")));
          if (pid.getAsInt() == postmasterPid || stat.ppid() == postmasterPid) {
            ticks += stat.ticks();
          }
        } catch (IOException | RuntimeException gone) {
          // the process ended while being read
        }
      }
    } catch (IOException e) {
      return Double.NaN;
    }
    return ticks / TICKS_PER_SECOND;
  }

  private static OptionalInt pid(Path process) {
    String name = process.getFileName().toString();
    for (int i = 0; i < name.length(); i++) {
      if (!Character.isDigit(name.charAt(i))) {
        return OptionalInt.empty();
      }
    }
    return OptionalInt.of(Integer.parseInt(name));
  }
}
