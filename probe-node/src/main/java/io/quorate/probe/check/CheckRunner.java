package io.quorate.probe.check;

import io.quorate.link.v1.HttpCheck;
import io.quorate.link.v1.Observation;
import io.vertx.core.Future;

/** Runs one check once. The seam for check types. */
public interface CheckRunner {

  /**
   * Runs the check and reports what it saw.
   *
   * @return a Future that succeeds with an Observation for every target, healthy or not: an unreachable,
   *     slow or failing target is an Observation with outcome DOWN and a reason. It fails only on a bug.
   */
  Future<Observation> run(HttpCheck check);
}
