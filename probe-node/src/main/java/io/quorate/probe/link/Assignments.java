package io.quorate.probe.link;

import io.quorate.link.v1.AssignmentChange;
import io.quorate.link.v1.AssignmentSnapshot;

/** Where the link hands the work it receives from the coordinator. Called on the probe's event loop. */
public interface Assignments {

  /** The complete work for this region; replaces everything assigned before. */
  void replace(AssignmentSnapshot snapshot);

  /** Upserts and removals on top of the current work; takes effect immediately. */
  void apply(AssignmentChange change);
}
