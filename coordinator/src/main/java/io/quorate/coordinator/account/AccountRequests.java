package io.quorate.coordinator.account;

import io.quorate.coordinator.api.ValidationException;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads and checks the bodies of the account endpoints; every problem names its field. */
final class AccountRequests {
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");
  private static final int MAX_NAME = 100;

  private AccountRequests() {}

  record Credentials(String username, String password) {}

  record NewUser(String username, String password, Role role) {}

  record UserChange(Optional<Role> role, Optional<String> password, Optional<Boolean> disabled) {}

  record NewKey(String name, ApiKey.Scope scope) {}

  /** Sign-in: only presence is checked, so the answer says nothing about which usernames exist. */
  static Credentials credentials(JsonObject body) {
    return new Credentials(normalUsername(required(body, "username")), required(body, "password"));
  }

  static NewUser newUser(JsonObject body) {
    String username = username(required(body, "username"));
    String password = password(required(body, "password"));
    return new NewUser(username, password, role(body.getValue("role", "viewer")));
  }

  static UserChange userChange(JsonObject body) {
    for (String field : body.fieldNames()) {
      if (!field.equals("role") && !field.equals("password") && !field.equals("disabled")) {
        throw new ValidationException(field, field + " cannot be changed: send role, password or disabled");
      }
    }
    Optional<Role> role = body.containsKey("role") ? Optional.of(role(body.getValue("role"))) : Optional.empty();
    Optional<String> password = body.containsKey("password")
        ? Optional.of(password(text(body.getValue("password"), "password"))) : Optional.empty();
    Optional<Boolean> disabled = Optional.empty();
    if (body.containsKey("disabled")) {
      if (!(body.getValue("disabled") instanceof Boolean flag)) {
        throw new ValidationException("disabled", "disabled must be true or false");
      }
      disabled = Optional.of(flag);
    }
    if (role.isEmpty() && password.isEmpty() && disabled.isEmpty()) {
      throw new ValidationException("body", "nothing to change: send role, password or disabled");
    }
    return new UserChange(role, password, disabled);
  }

  static NewKey newKey(JsonObject body) {
    String name = required(body, "name").trim();
    if (name.isEmpty() || name.length() > MAX_NAME) {
      throw new ValidationException("name", "name must be 1 to " + MAX_NAME + " characters");
    }
    Object scope = body.getValue("scope", "read");
    ApiKey.Scope parsed = ApiKey.Scope.parse(scope instanceof String text ? text : null)
        .orElseThrow(() -> new ValidationException("scope", "scope must be read or read-write, not " + scope));
    return new NewKey(name, parsed);
  }

  static String username(String raw) {
    String username = normalUsername(raw);
    if (!USERNAME.matcher(username).matches()) {
      throw new ValidationException("username",
          "username must be 1 to 64 characters: letters, digits, and . _ @ - (not first)");
    }
    return username;
  }

  static String password(String password) {
    if (password.length() < PasswordHasher.MIN_LENGTH || password.length() > PasswordHasher.MAX_LENGTH) {
      throw new ValidationException("password", "password must be " + PasswordHasher.MIN_LENGTH + " to "
          + PasswordHasher.MAX_LENGTH + " characters");
    }
    return password;
  }

  private static Role role(Object value) {
    return Role.parse(value instanceof String text ? text.toLowerCase(Locale.ROOT) : null)
        .orElseThrow(() -> new ValidationException("role", "role must be admin, editor or viewer, not " + value));
  }

  private static String normalUsername(String raw) {
    return raw.trim().toLowerCase(Locale.ROOT);
  }

  private static String required(JsonObject body, String field) {
    if (!body.containsKey(field) || body.getValue(field) == null) {
      throw new ValidationException(field, field + " is required");
    }
    return text(body.getValue(field), field);
  }

  private static String text(Object value, String field) {
    if (!(value instanceof String text) || text.isEmpty()) {
      throw new ValidationException(field, field + " must be a non-empty string");
    }
    return text;
  }
}
