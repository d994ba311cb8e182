package io.quorate.probe.link;

import io.quorate.link.v1.CheckRunResult;
import io.quorate.link.v1.RunCheck;
import java.util.function.Consumer;

/** Where the link hands a coordinator's request to run a check once now. Called on the probe's event loop. */
public interface RunRequests {

  /**
   * Runs the request's check once, outside the schedule, and calls {@code reply} exactly once with the
   * result (on the event loop), possibly before returning when the check cannot start.
   */
  void run(RunCheck request, Consumer<CheckRunResult> reply);
}
