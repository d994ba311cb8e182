package io.quorate.coordinator.apply;

import io.quorate.coordinator.api.ValidationException;
import io.quorate.coordinator.notify.ChannelType;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Compares the file with what the coordinator has, by name, and plans the writes. Every problem (an
 * invalid item, a name several objects share on the coordinator, a type change) is collected and thrown
 * together, so nothing is written for a file that cannot be applied whole.
 */
final class Planner {
  private final Map<String, ChannelType> types;
  private final boolean prune;
  private final boolean forceSecrets;
  private final List<String> problems = new ArrayList<>();
  private final ChannelReferences references = new ChannelReferences();
  private int unchanged;

  Planner(List<ChannelType> types, boolean prune, boolean forceSecrets) {
    this.types = types.stream().collect(Collectors.toMap(ChannelType::name, t -> t, (a, b) -> a, LinkedHashMap::new));
    this.prune = prune;
    this.forceSecrets = forceSecrets;
  }

  /** The references to use when writing: file channels created by the plan are added as they are created. */
  ChannelReferences references() {
    return references;
  }

  /** @throws ApplyException listing every problem */
  /** @param regions probe regions that have connected, the default regions of an HTTP monitor */
  Plan plan(DesiredState file, List<JsonObject> channels, List<JsonObject> monitors, List<String> regions) {
    ItemChecks checks = new ItemChecks(types, regions);
    Map<String, List<JsonObject>> channelsByName = byName(channels);
    Map<String, List<JsonObject>> monitorsByName = byName(monitors);
    Map<String, String> channelNames = new HashMap<>();
    channels.forEach(c -> channelNames.put(c.getString("id"), c.getString("name")));
    Set<String> fileChannels = names(file.channels());
    channelsByName.forEach((name, same) -> {
      if (same.size() > 1) {
        references.addAmbiguous(name, same.size());
      } else if (!prune || !file.manages("channel") || fileChannels.contains(name)) {
        references.add(name, same.get(0).getString("id"));
      }
    });
    file.channels().stream().filter(item -> !channelsByName.containsKey(item.name())).forEach(item -> {
      references.add(item.name(), ChannelReferences.notYetCreated(item.name()));
      channelNames.put(ChannelReferences.notYetCreated(item.name()), item.name());
    });

    List<Step> steps = new ArrayList<>();
    for (FileItem item : file.channels()) {
      JsonObject wanted = check(item, () -> checks.checkChannel(item));
      plan(item, channelsByName, steps, shown -> Differences.ofChannel(wanted, shown, secretsOf(item), forceSecrets));
    }
    for (FileItem item : file.monitors()) {
      JsonObject wanted = check(item, () -> checks.checkMonitor(references.resolve(item.body())));
      plan(item, monitorsByName, steps, shown -> Differences.ofMonitor(wanted, shown, channelNames, forceSecrets));
    }
    List<String> kept = new ArrayList<>();
    if (file.manages("monitor")) {
      deletions("monitor", monitorsByName, names(file.monitors()), steps, kept);
    }
    if (file.manages("channel")) {
      deletions("channel", channelsByName, fileChannels, steps, kept);
    }
    if (!problems.isEmpty()) {
      throw new ApplyException(problems);
    }
    return new Plan(steps, unchanged, kept);
  }

  /** @return what the check returns, or an empty object when the item is invalid (its problem recorded) */
  private JsonObject check(FileItem item, Supplier<JsonObject> check) {
    try {
      return check.get();
    } catch (ValidationException e) {
      problems.add(item.where() + ": " + e.field() + ": " + e.problem());
      return new JsonObject();
    }
  }

  private void plan(FileItem item, Map<String, List<JsonObject>> existing, List<Step> steps,
      java.util.function.Function<JsonObject, List<String>> differences) {
    List<JsonObject> same = existing.getOrDefault(item.name(), List.of());
    if (same.isEmpty()) {
      steps.add(new Step(Step.Action.CREATE, item.kind(), item.name(), null, item, List.of()));
      return;
    }
    if (same.size() > 1) {
      problems.add(item.where() + ": " + same.size() + " " + item.kind() + "s on the coordinator are named \""
          + item.name() + "\"; apply cannot tell which one the file means: rename or delete all but one");
      return;
    }
    JsonObject shown = same.get(0);
    if (item.type().isEmpty()) {
      return; // the item's check already said that type is required
    }
    if (!item.type().equals(shown.getString("type"))) {
      problems.add(item.where() + ": type: the " + item.kind() + " on the coordinator is of type \""
          + shown.getString("type") + "\" and a type cannot change; rename the item to create a new one");
      return;
    }
    List<String> changes = differences.apply(shown);
    if (changes.isEmpty()) {
      unchanged++;
    } else {
      steps.add(new Step(Step.Action.UPDATE, item.kind(), item.name(), shown.getString("id"), item, changes));
    }
  }

  private void deletions(String kind, Map<String, List<JsonObject>> existing, Set<String> inFile, List<Step> steps,
      List<String> kept) {
    existing.forEach((name, same) -> {
      if (inFile.contains(name)) {
        return;
      }
      for (JsonObject object : same) {
        if (prune) {
          steps.add(new Step(Step.Action.DELETE, kind, name, object.getString("id"), null, List.of()));
        } else {
          kept.add(kind + " \"" + name + "\"");
        }
      }
    });
  }

  private Set<String> secretsOf(FileItem channel) {
    ChannelType type = types.get(channel.type());
    return type == null ? Set.of() : type.secrets();
  }

  private static Map<String, List<JsonObject>> byName(List<JsonObject> objects) {
    Map<String, List<JsonObject>> byName = new LinkedHashMap<>();
    objects.forEach(o -> byName.computeIfAbsent(o.getString("name"), n -> new ArrayList<>()).add(o));
    return byName;
  }

  private static Set<String> names(List<FileItem> items) {
    return items.stream().map(FileItem::name).collect(Collectors.toSet());
  }
}
