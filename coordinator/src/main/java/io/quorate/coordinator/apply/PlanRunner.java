package io.quorate.coordinator.apply;

import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.util.List;

/**
 * Runs a plan's writes in order. The file was checked whole before, so a refusal here is the coordinator
 * disagreeing (a slug taken meanwhile, an older server): the writes before it stay applied, and the report
 * says which were and which were not.
 */
final class PlanRunner {
  private final CoordinatorClient client;
  private final ChannelReferences references;
  private final PrintWriter out;

  PlanRunner(CoordinatorClient client, ChannelReferences references, PrintWriter out) {
    this.client = client;
    this.references = references;
    this.out = out;
  }

  /** @throws ApplyException naming the step that failed, the API's reason and what was left undone */
  void run(List<Step> steps) {
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      try {
        write(step);
      } catch (ApiRefusal e) {
        String where = step.item() == null ? step.kind() + " \"" + step.name() + "\"" : step.item().where();
        throw new ApplyException(
            List.of(where + ": " + e.problem() + " (the coordinator refused: HTTP " + e.status() + ")"),
            i == 0 ? ApplyException.NOTHING_APPLIED : "Applied before it: " + i + " of " + steps.size()
                + " changes (listed above); not applied: " + (steps.size() - i) + ". Fix the file and apply again.");
      }
      out.println(step.doneLine());
      out.flush();
    }
  }

  private void write(Step step) {
    switch (step.action()) {
      case CREATE -> {
        JsonObject created = client.create(step.collection(), body(step));
        if (step.kind().equals("channel")) {
          references.add(step.name(), created.getString("id"));
        }
      }
      case UPDATE -> client.update(step.collection(), step.id(), body(step));
      case DELETE -> client.delete(step.collection(), step.id());
    }
  }

  private JsonObject body(Step step) {
    JsonObject body = step.item().body();
    return step.kind().equals("monitor") ? references.resolve(body) : body;
  }
}
