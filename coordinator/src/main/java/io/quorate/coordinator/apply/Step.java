package io.quorate.coordinator.apply;

import java.util.List;

/**
 * One write of a plan.
 *
 * @param kind "channel" or "monitor"
 * @param id the object on the coordinator; empty for a create
 * @param item the file's item; null for a delete
 * @param changes plan phrases of an update, secrets never shown
 */
record Step(Action action, String kind, String name, String id, FileItem item, List<String> changes) {
  enum Action { CREATE, UPDATE, DELETE }

  Step {
    changes = List.copyOf(changes);
  }

  String collection() {
    return kind + "s";
  }

  String planLine() {
    String label = kind + " \"" + name + "\"";
    return switch (action) {
      case CREATE -> "+ create " + label;
      case UPDATE -> "~ update " + label + ": " + String.join(", ", changes);
      case DELETE -> "- delete " + label;
    };
  }

  String doneLine() {
    String label = kind + " \"" + name + "\"";
    return switch (action) {
      case CREATE -> "created " + label;
      case UPDATE -> "updated " + label;
      case DELETE -> "deleted " + label;
    };
  }
}
