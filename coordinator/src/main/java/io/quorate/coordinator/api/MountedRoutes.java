package io.quorate.coordinator.api;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists a router's operations in OpenAPI's notation ({@code GET /api/v1/monitors/{id}}), sub-routers included,
 * so a test can compare the OpenAPI document with what is really mounted. Routes without a method, with a
 * wildcard or with a regular expression instead of a path (static files, {@code /ping/...}, handlers for every
 * path) are not operations and are left out.
 */
public final class MountedRoutes {
  private static final Pattern PATH_PARAM = Pattern.compile(":([A-Za-z0-9_]+)");

  private MountedRoutes() {}

  public static List<String> operations(Router router) {
    List<String> operations = new ArrayList<>();
    collect(router, "", operations);
    return operations;
  }

  private static void collect(Router router, String prefix, List<String> operations) {
    for (Route route : router.getRoutes()) {
      String path = route.getPath();
      if (path == null) { // a regular expression route (/ping/...) or one for every path
        continue;
      }
      if (route.getSubRouter() != null) {
        collect(route.getSubRouter(), prefix + stripWildcard(path), operations);
        continue;
      }
      Set<HttpMethod> methods = route.methods();
      if (methods == null || methods.isEmpty() || path.endsWith("*")) {
        continue;
      }
      String openApiPath = openApiPath(prefix + path);
      methods.forEach(method -> operations.add(method.name() + " " + openApiPath));
    }
  }

  /** {@code /api/v1/*} mounts its sub-router at {@code /api/v1}. */
  private static String stripWildcard(String path) {
    String trimmed = path.endsWith("*") ? path.substring(0, path.length() - 1) : path;
    return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }

  private static String openApiPath(String path) {
    Matcher matcher = PATH_PARAM.matcher(path);
    return matcher.replaceAll("{$1}");
  }
}
