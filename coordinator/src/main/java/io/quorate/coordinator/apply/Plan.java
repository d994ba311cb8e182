package io.quorate.coordinator.apply;

import java.io.PrintWriter;
import java.util.List;

/**
 * The writes that make the coordinator match the file, in the order they must run: channels before the
 * monitors that name them, deletions last (monitors before the channels they might use).
 *
 * @param kept objects not in the file, left alone because {@code --prune} was not given
 */
record Plan(List<Step> steps, int unchanged, List<String> kept) {
  Plan {
    steps = List.copyOf(steps);
    kept = List.copyOf(kept);
  }

  void print(PrintWriter out) {
    steps.forEach(step -> out.println(step.planLine()));
    out.println("= " + unchanged + " unchanged");
    if (!kept.isEmpty()) {
      out.println("Not in the file, kept (--prune deletes them): " + String.join(", ", kept));
    }
  }
}
