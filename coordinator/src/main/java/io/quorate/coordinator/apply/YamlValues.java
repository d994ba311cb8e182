package io.quorate.coordinator.apply;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns SnakeYAML's node tree into the JSON values the API takes, replacing {@code ${NAME}} in strings with
 * environment variables (so secrets stay out of git). Works on nodes rather than loaded objects because
 * nodes know their line, which every error message names.
 */
final class YamlValues {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private final Map<String, String> environment;
  private final List<String> problems;

  /** @param problems collects every problem found, so one run reports them all */
  YamlValues(Map<String, String> environment, List<String> problems) {
    this.environment = environment;
    this.problems = problems;
  }

  static int line(Node node) {
    return node.getStartMark().getLine() + 1;
  }

  /** @param path where the value is, e.g. {@code channels[0].webhook_url}, for error messages */
  Object toJson(Node node, String path) {
    if (node instanceof MappingNode mapping) {
      return object(mapping, path);
    }
    if (node instanceof SequenceNode sequence) {
      JsonArray array = new JsonArray();
      for (int i = 0; i < sequence.getValue().size(); i++) {
        array.add(toJson(sequence.getValue().get(i), path + "[" + i + "]"));
      }
      return array;
    }
    return scalar((ScalarNode) node, path);
  }

  JsonObject object(MappingNode mapping, String path) {
    JsonObject object = new JsonObject();
    for (NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        problems.add(path + " (line " + line(tuple.getKeyNode()) + "): keys must be plain names");
        continue;
      }
      String field = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
      if (object.containsKey(key.getValue())) {
        problems.add(field + " (line " + line(key) + "): is given twice");
      }
      object.put(key.getValue(), toJson(tuple.getValueNode(), field));
    }
    return object;
  }

  private Object scalar(ScalarNode node, String path) {
    String text = node.getValue();
    Tag tag = node.getTag();
    if (Tag.NULL.equals(tag)) {
      return null;
    }
    if (Tag.BOOL.equals(tag)) {
      return List.of("true", "yes", "on").contains(text.toLowerCase(Locale.ROOT));
    }
    if (Tag.INT.equals(tag)) {
      try {
        long number = Long.parseLong(text.replace("_", ""));
        return number == (int) number ? (Object) (int) number : (Object) number;
      } catch (NumberFormatException e) {
        return text; // octal or hex forms: left to the API to refuse
      }
    }
    if (Tag.FLOAT.equals(tag)) {
      try {
        return Double.parseDouble(text.replace("_", ""));
      } catch (NumberFormatException e) {
        return text;
      }
    }
    return interpolate(text, path, line(node));
  }

  /** {@code ${NAME}} becomes the variable's value; {@code $$} is a literal {@code $}. */
  private String interpolate(String text, String path, int line) {
    Matcher matcher = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String replacement;
      if (matcher.group(1) == null) {
        replacement = "$";
      } else {
        replacement = environment.get(matcher.group(1));
        if (replacement == null) {
          problems.add(path + " (line " + line + "): ${" + matcher.group(1) + "} is not set in the environment");
          replacement = "";
        }
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
