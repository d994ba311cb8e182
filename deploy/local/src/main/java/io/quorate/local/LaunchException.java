package io.quorate.local;

/**
 * Starting the local stack failed in a way a person can act on; the message says what failed and where
 * to look (a log file, a port, a command to run). LocalMain prints it without a stack trace.
 */
final class LaunchException extends Exception {
  LaunchException(String message) {
    super(message);
  }

  LaunchException(String message, Throwable cause) {
    super(message, cause);
  }
}
