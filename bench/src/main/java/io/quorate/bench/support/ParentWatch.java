package io.quorate.bench.support;

import java.io.IOException;

/**
 * Ends a benchmark child JVM when the runner goes away. The runner keeps each child's stdin open and never
 * writes to it; end of input means the runner exited or was killed, and a JVM left behind would load the
 * shared machine and skew the next measurement.
 */
public final class ParentWatch {
  private ParentWatch() {
  }

  public static void exitWhenStdinCloses() {
    Thread watch = new Thread(() -> {
      try {
        while (System.in.read() >= 0) {
          // nothing is ever written; keep reading until end of input
        }
      } catch (IOException ignored) {
        // a broken pipe means the same as end of input
      }
      System.err.println("end of input from the runner: exiting");
      Runtime.getRuntime().halt(0);
    }, "parent-watch");
    watch.setDaemon(true);
    watch.start();
  }
}
