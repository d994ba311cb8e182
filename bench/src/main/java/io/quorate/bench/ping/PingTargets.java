package io.quorate.bench.ping;

/**
 * The benchmark's heartbeat monitors: ping ids {@code 00000000-0000-4000-8000-<12 digits>}, numbered from 0.
 * The Lua script that drives wrk builds the same strings, so the runner, the sink's snapshot and wrk agree
 * without passing ten thousand ids around.
 */
final class PingTargets {
  private PingTargets() {
  }

  static String pingId(int index) {
    return String.format("00000000-0000-4000-8000-%012d", index);
  }

  static String monitorId(int index) {
    return String.format("10000000-0000-4000-8000-%012d", index);
  }
}
