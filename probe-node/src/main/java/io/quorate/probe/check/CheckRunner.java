package io.quorate.probe.check;

import io.quorate.link.v1.Observation;
import io.vertx.core.Future;

/** Runs one check once. The seam for check types. */
public interface CheckRunner {

  /**
   * Runs the check and reports what it saw.
   *
   * @return a Future that succeeds with an Observation for every target, healthy or not: an unreachable,
   *     slow, refused or failing target, and a check that cannot run, are Observations with outcome DOWN,
   *     a reason and a failure kind. It fails only on a bug.
   */
  Future<Observation> run(PreparedCheck check);

  /** Runs the check; a runner that throws instead of failing its Future yields a failed Future. */
  static Future<Observation> safely(CheckRunner runner, PreparedCheck check) {
    try {
      return runner.run(check);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
