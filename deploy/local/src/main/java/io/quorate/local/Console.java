package io.quorate.local;

import java.io.PrintStream;

/**
 * The launcher's terminal: every line carries the name of whoever said it ({@code [coordinator-1] …},
 * {@code [webhook] …}, {@code [local] …}). One lock keeps lines from different processes whole.
 */
final class Console {
  private final PrintStream out;

  Console(PrintStream out) {
    this.out = out;
  }

  static Console system() {
    return new Console(System.out);
  }

  void line(String source, String text) {
    synchronized (out) {
      out.println("[" + source + "] " + text);
    }
  }

  void info(String text) {
    line("local", text);
  }

  /** Something went wrong that the person at the terminal must not miss. */
  void alert(String... lines) {
    String bar = "!".repeat(72);
    synchronized (out) {
      out.println("[local] " + bar);
      for (String text : lines) {
        out.println("[local] !!! " + text);
      }
      out.println("[local] " + bar);
    }
  }

  void block(String text) {
    synchronized (out) {
      out.print(text);
      out.flush();
    }
  }
}
