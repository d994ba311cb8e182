package io.quorate.coordinator.apply;

import io.quorate.coordinator.monitor.HeaderValue;
import io.quorate.coordinator.notify.ChannelJson;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What would change if a file item were written over the object the coordinator shows, as plan phrases
 * ({@code interval 30s -> 1m}). Only the fields the file sets are compared. Secrets are write-only in the API,
 * so they are compared as far as it shows them: a channel secret of 24 characters or more by its last four
 * characters, anything else by whether it is set; {@code forceSecrets} sends every secret again.
 */
final class Differences {
  /** Maps whose keys the user chooses: a key only the coordinator has is a difference. */
  private static final Set<String> USER_MAPS = Set.of("labels", "series");
  private static final int CHANNEL_HINT_LENGTH = 24;

  private Differences() {}

  static List<String> ofChannel(JsonObject wanted, JsonObject shown, Set<String> secretFields, boolean forceSecrets) {
    List<String> changes = new ArrayList<>();
    for (String field : wanted.fieldNames()) {
      Object value = wanted.getValue(field);
      if (field.equals("name")) {
        continue;
      }
      if (secretFields.contains(field)) {
        channelSecret(field, value, shown.getValue(field), forceSecrets, changes);
      } else if (!Values.same(value, shown.getValue(field), USER_MAPS.contains(field))) {
        changes.add(field + " " + Values.show(shown.getValue(field)) + " -> " + Values.show(value));
      }
    }
    return changes;
  }

  private static void channelSecret(String field, Object wanted, Object shown, boolean force, List<String> changes) {
    if (Values.isEmpty(wanted) || Values.isEmpty(shown)) {
      if (!(Values.isEmpty(wanted) && Values.isEmpty(shown))) {
        changes.add(field + (Values.isEmpty(wanted) ? " (secret removed)" : " (secret set)"));
      }
    } else if (wanted instanceof String text && text.strip().length() >= CHANNEL_HINT_LENGTH
        && !ChannelJson.masked(text.strip()).equals(shown)) {
      changes.add(field + " (secret changed)");
    } else if (force) {
      changes.add(field + " (secret sent again)");
    }
  }

  /** @param channelNames channel ids to names, as monitors refer to channels by name in the file */
  static List<String> ofMonitor(JsonObject wanted, JsonObject shown, Map<String, String> channelNames, boolean forceSecrets) {
    List<String> changes = new ArrayList<>();
    for (String field : wanted.fieldNames()) {
      Object value = wanted.getValue(field);
      Object current = shown.getValue(field);
      switch (field) {
        case "name" -> { }
        case "headers" -> headers(value, current, forceSecrets, changes);
        case "auth" -> auth(value, current, forceSecrets, changes);
        case "channels" -> compare(field, value, names(current, channelNames), true, changes);
        case "escalation" -> compare(field, value, escalationByName(current, channelNames), false, changes);
        case "method" -> compare(field, value instanceof String m ? m.toUpperCase(Locale.ROOT) : value, current, false,
            changes);
        default -> compare(field, value, current, USER_MAPS.contains(field), changes);
      }
    }
    return changes;
  }

  private static void compare(String field, Object wanted, Object shown, boolean allKeys, List<String> changes) {
    if (!Values.same(wanted, shown, allKeys)) {
      changes.add(field + " " + Values.show(shown) + " -> " + Values.show(wanted));
    }
  }

  /** Plain headers by value; secret ones (marked, or named like a credential) by whether they are set. */
  private static void headers(Object wanted, Object shown, boolean force, List<String> changes) {
    JsonObject want = wanted instanceof JsonObject object ? object : new JsonObject();
    JsonObject have = shown instanceof JsonObject object ? object : new JsonObject();
    for (String name : have.fieldNames()) {
      if (!want.containsKey(name)) {
        changes.add("headers." + name + " removed");
      }
    }
    for (String name : want.fieldNames()) {
      Object value = want.getValue(name);
      boolean secret = HeaderValue.isCredentialName(name)
          || value instanceof JsonObject object && Boolean.TRUE.equals(object.getValue("secret"));
      Object current = have.getValue(name);
      boolean currentSecret = current instanceof JsonObject;
      if (current == null) {
        changes.add("headers." + name + (secret ? " (secret set)" : " added"));
      } else if (secret != currentSecret) {
        changes.add("headers." + name + (secret ? " (now secret)" : " (no longer secret)"));
      } else if (!secret && !Values.same(value, current, false)) {
        changes.add("headers." + name + " " + Values.show(current) + " -> " + Values.show(value));
      } else if (secret && force) {
        changes.add("headers." + name + " (secret sent again)");
      }
    }
  }

  private static void auth(Object wanted, Object shown, boolean force, List<String> changes) {
    JsonObject want = wanted instanceof JsonObject object ? object : null;
    JsonObject have = shown instanceof JsonObject object ? object : null;
    if (want == null || have == null) {
      if (want != have) {
        changes.add("auth" + (want == null ? " removed" : " (secret set)"));
      }
    } else if (!Values.same(want.getValue("type"), have.getValue("type"), false)
        || !Values.same(want.getValue("username"), have.getValue("username"), false)) {
      changes.add("auth (type or username changed, secret set)");
    } else if (force) {
      changes.add("auth (secret sent again)");
    }
  }

  private static JsonArray names(Object ids, Map<String, String> channelNames) {
    JsonArray names = new JsonArray();
    if (ids instanceof JsonArray array) {
      array.forEach(id -> names.add(channelNames.getOrDefault(String.valueOf(id), String.valueOf(id))));
    }
    return names;
  }

  private static Object escalationByName(Object shown, Map<String, String> channelNames) {
    if (!(shown instanceof JsonObject escalation)) {
      return shown;
    }
    return escalation.copy().put("channels", names(escalation.getValue("channels"), channelNames));
  }
}
