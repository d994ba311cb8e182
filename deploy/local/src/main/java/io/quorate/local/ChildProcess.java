package io.quorate.local;

import java.nio.file.Path;

/** A running child and where its output goes. */
final class ChildProcess {
  private final String name;
  private final Process process;
  private final Path logFile;
  private volatile boolean stopRequested;

  ChildProcess(String name, Process process, Path logFile) {
    this.name = name;
    this.process = process;
    this.logFile = logFile;
  }

  String name() {
    return name;
  }

  Path logFile() {
    return logFile;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The exit code, or -1 while it runs. */
  int exitCode() {
    return process.isAlive() ? -1 : process.exitValue();
  }

  Process process() {
    return process;
  }

  boolean stopRequested() {
    return stopRequested;
  }

  /** Asks the child to stop (SIGTERM, so its own shutdown hooks run); its exit is then no surprise. */
  void requestStop() {
    stopRequested = true;
    // Through the handle: Process.destroy() would also close our end of its output and lose its last lines.
    process.toHandle().destroy();
  }
}
