package io.quorate.coordinator.apply;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code monitors.yaml}: a mapping with {@code channels:} and {@code monitors:} lists whose items are
 * the API's JSON bodies, each with a unique {@code name}. Reports every problem it finds at once.
 */
final class ApplyFileReader {
  private static final Set<String> TOP_LEVEL = Set.of("channels", "monitors");

  private ApplyFileReader() {}

  /** @throws ApplyException listing every problem, each with its line */
  static DesiredState read(Path file, Map<String, String> environment) {
    Node root = compose(file);
    List<String> problems = new ArrayList<>();
    List<FileItem> channels = new ArrayList<>();
    List<FileItem> monitors = new ArrayList<>();
    Set<String> managed = new HashSet<>();
    if (root != null && !(root instanceof MappingNode)) {
      throw new ApplyException(file + " (line " + YamlValues.line(root)
          + "): must be a mapping with channels: and monitors:");
    }
    YamlValues values = new YamlValues(environment, problems);
    for (NodeTuple tuple : root == null ? List.<NodeTuple>of() : ((MappingNode) root).getValue()) {
      String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "?";
      if (!TOP_LEVEL.contains(key)) {
        problems.add(key + " (line " + YamlValues.line(tuple.getKeyNode()) + "): unknown top-level key; the file has "
            + "channels: and monitors:");
        continue;
      }
      managed.add(key);
      items(key, tuple.getValueNode(), values, problems, key.equals("channels") ? channels : monitors);
    }
    uniqueNames(channels, problems);
    uniqueNames(monitors, problems);
    if (!problems.isEmpty()) {
      throw new ApplyException(problems);
    }
    return new DesiredState(channels, monitors, managed);
  }

  private static Node compose(Path file) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    try (Reader reader = Files.newBufferedReader(file)) {
      return new Yaml(new SafeConstructor(options)).compose(reader);
    } catch (MarkedYAMLException e) {
      throw new ApplyException(file + " (line " + (e.getProblemMark().getLine() + 1) + "): not valid YAML: "
          + e.getProblem());
    } catch (YAMLException e) {
      throw new ApplyException(file + ": not valid YAML: " + e.getMessage());
    } catch (IOException e) {
      throw new ApplyException("cannot read " + file + ": " + e);
    }
  }

  private static void items(String list, Node node, YamlValues values, List<String> problems, List<FileItem> into) {
    if (node instanceof ScalarNode scalar && scalar.getValue().isEmpty()) {
      return; // "monitors:" with nothing under it: an empty list
    }
    if (!(node instanceof SequenceNode sequence)) {
      problems.add(list + " (line " + YamlValues.line(node)
          + "): must be a list of items starting with \"- name: ...\"");
      return;
    }
    String kind = list.substring(0, list.length() - 1);
    for (int i = 0; i < sequence.getValue().size(); i++) {
      Node item = sequence.getValue().get(i);
      String path = list + "[" + i + "]";
      if (!(item instanceof MappingNode mapping)) {
        problems.add(path + " (line " + YamlValues.line(item) + "): must be a mapping of the API's fields");
        continue;
      }
      JsonObject body = values.object(mapping, path);
      if (!(body.getValue("name") instanceof String name) || name.isBlank()) {
        problems.add(path + " (line " + YamlValues.line(item) + "): name: is required; apply finds the " + kind
            + " on the coordinator by its name");
        continue;
      }
      body.put("name", name.strip());
      into.add(new FileItem(kind, i, YamlValues.line(item), name.strip(), body));
    }
  }

  private static void uniqueNames(List<FileItem> items, List<String> problems) {
    Map<String, FileItem> seen = new HashMap<>();
    for (FileItem item : items) {
      FileItem first = seen.putIfAbsent(item.name(), item);
      if (first != null) {
        problems.add(item.where() + ": name: is also the name of " + first.where() + "; names must be unique");
      }
    }
  }
}
