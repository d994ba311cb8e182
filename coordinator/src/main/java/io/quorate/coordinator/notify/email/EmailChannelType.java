package io.quorate.coordinator.notify.email;

import io.quorate.coordinator.api.ValidationException;
import io.quorate.coordinator.notify.ChannelFields;
import io.quorate.coordinator.notify.ChannelType;
import io.quorate.coordinator.notify.Notifier;
import io.quorate.coordinator.notify.NotifierTools;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Email through an SMTP server: {@code host}, {@code port} (default 587), {@code starttls} (none, optional
 * or required; default required, so a password never crosses the network in clear by accident),
 * {@code username} and {@code password} (secret) when the server wants them, {@code from} and {@code to}
 * (a list of addresses).
 */
public final class EmailChannelType implements ChannelType {
  static final String HOST = "host";
  static final String PORT = "port";
  static final String STARTTLS = "starttls";
  static final String USERNAME = "username";
  static final String PASSWORD = "password";
  static final String FROM = "from";
  static final String TO = "to";
  static final List<String> STARTTLS_MODES = List.of("none", "optional", "required");

  @Override
  public String name() {
    return "email";
  }

  @Override
  public Set<String> fields() {
    return Set.of(HOST, PORT, STARTTLS, USERNAME, PASSWORD, FROM, TO);
  }

  @Override
  public Set<String> secrets() {
    return Set.of(PASSWORD);
  }

  @Override
  public JsonObject validate(JsonObject config) {
    JsonObject valid = new JsonObject()
        .put(HOST, ChannelFields.requiredString(config, HOST, "the SMTP server's host name"))
        .put(PORT, ChannelFields.port(config, PORT, 587))
        .put(STARTTLS, ChannelFields.oneOf(config, STARTTLS, "required", STARTTLS_MODES));
    Optional<String> username = ChannelFields.optionalString(config, USERNAME);
    Optional<String> password = ChannelFields.optionalString(config, PASSWORD);
    if (username.isPresent() != password.isPresent()) {
      String missing = username.isPresent() ? PASSWORD : USERNAME;
      throw new ValidationException(missing, "is required when " + (username.isPresent() ? USERNAME : PASSWORD) + " is set");
    }
    username.ifPresent(name -> valid.put(USERNAME, name));
    password.ifPresent(secret -> valid.put(PASSWORD, secret));
    return valid
        .put(FROM, ChannelFields.emailAddress(config, FROM, "the sender address, e.g. quorate@example.com"))
        .put(TO, new JsonArray(ChannelFields.emailAddresses(config, TO, "a list of recipient addresses")));
  }

  @Override
  public String defaultName(JsonObject config) {
    return "Email to " + String.join(", ", config.getJsonArray(TO).getList());
  }

  @Override
  public Notifier notifier(NotifierTools tools) {
    return new EmailNotifier(tools);
  }
}
