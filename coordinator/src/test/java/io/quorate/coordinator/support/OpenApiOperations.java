package io.quorate.coordinator.support;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reads the operations out of an OpenAPI document: {@code "GET /api/v1/monitors/{id}"} and their objects. */
public final class OpenApiOperations {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  public record Operation(String method, String path, JsonObject definition) {
    public String key() {
      return method.toUpperCase() + " " + path;
    }

    public String id() {
      return definition.getString("operationId");
    }

    /** The JSON request body's named examples' values, and its single {@code example}, with $refs followed. */
    public List<Object> requestExamples(JsonObject document) {
      JsonObject media = definition.getJsonObject("requestBody", new JsonObject()).getJsonObject("content", new JsonObject())
          .getJsonObject("application/json");
      List<Object> examples = new ArrayList<>();
      if (media == null) {
        return examples;
      }
      if (media.containsKey("example")) {
        examples.add(media.getValue("example"));
      }
      JsonObject named = media.getJsonObject("examples", new JsonObject());
      for (String name : named.fieldNames()) {
        examples.add(resolve(document, named.getJsonObject(name)).getValue("value"));
      }
      return examples;
    }
  }

  private OpenApiOperations() {}

  public static List<Operation> of(JsonObject document) {
    List<Operation> operations = new ArrayList<>();
    JsonObject paths = document.getJsonObject("paths");
    for (String path : new TreeSet<>(paths.fieldNames())) {
      JsonObject item = paths.getJsonObject(path);
      for (String field : item.fieldNames()) {
        if (METHODS.contains(field)) {
          operations.add(new Operation(field, path, item.getJsonObject(field)));
        }
      }
    }
    return operations;
  }

  public static Operation byId(JsonObject document, String operationId) {
    return of(document).stream().filter(op -> operationId.equals(op.id())).findFirst()
        .orElseThrow(() -> new AssertionError("no operation " + operationId + " in the OpenAPI document"));
  }

  /** Follows a local {@code $ref} such as {@code #/components/examples/HttpMonitor}. */
  public static JsonObject resolve(JsonObject document, JsonObject maybeRef) {
    String ref = maybeRef.getString("$ref");
    if (ref == null) {
      return maybeRef;
    }
    JsonObject target = document;
    for (String part : ref.substring(2).split("/")) {
      target = target.getJsonObject(part);
    }
    return target;
  }
}
