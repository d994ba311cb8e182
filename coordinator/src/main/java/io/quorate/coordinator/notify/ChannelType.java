package io.quorate.coordinator.notify;

import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * One kind of channel (Slack, PagerDuty, ...): its settings, which of them are secret, and its notifier.
 * Adding a kind means a package under {@code notify/}, one line in the registry
 * ({@code CoordinatorServices.channelTypes}) and its tests; see CONTRIBUTING.md.
 */
public interface ChannelType {
  /** As stored in {@code channels.type} and sent as {@code "type"}: lower case, e.g. {@code "pagerduty"}. */
  String name();

  /** The settings a request may carry, besides {@code type}, {@code name} and {@code working_hours}. */
  Set<String> fields();

  /** The settings that are write-only: never shown by the API, never logged. */
  Set<String> secrets();

  /**
   * Checks a complete set of settings (a new channel's, or a stored one with an update applied).
   *
   * @return the settings to store: only known fields, defaults filled in
   * @throws io.quorate.coordinator.api.ValidationException naming the field and what is wrong with it
   */
  JsonObject validate(JsonObject config);

  /**
   * As {@link #validate}, for a channel being created: a type may generate a setting the caller left out
   * (the webhook's signing secret). A generated secret is shown once, in the answer to the create request.
   */
  default JsonObject validateNew(JsonObject config) {
    return validate(config);
  }

  /** The name of a channel created without one, from its validated settings; never from a secret. */
  String defaultName(JsonObject config);

  Notifier notifier(NotifierTools tools);
}
