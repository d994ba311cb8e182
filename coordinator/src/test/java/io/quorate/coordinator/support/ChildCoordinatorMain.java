package io.quorate.coordinator.support;

import io.quorate.coordinator.CoordinatorMain;
import java.io.IOException;
import java.io.InputStream;

/**
 * The main class of a coordinator started as a child process by a test ({@link CoordinatorProcess}): the real
 * {@link CoordinatorMain}, plus a watchdog that ends the process when the test JVM's end of its standard input
 * closes. So a test JVM that dies for any reason (even killed itself) never leaves coordinators running on a
 * shared machine.
 */
public final class ChildCoordinatorMain {
  private ChildCoordinatorMain() {}

  public static void main(String[] args) {
    Thread watchdog = new Thread(ChildCoordinatorMain::haltWhenParentGoes, "parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    CoordinatorMain.main(args);
  }

  private static void haltWhenParentGoes() {
    InputStream parent = System.in;
    try {
      while (parent.read() >= 0) {
        // nothing is ever sent: read() returns -1 only when the parent closed the pipe or died
      }
    } catch (IOException closed) {
      // same meaning: the parent is gone
    }
    Runtime.getRuntime().halt(3);
  }
}
