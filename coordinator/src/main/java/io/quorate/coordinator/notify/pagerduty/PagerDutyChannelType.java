package io.quorate.coordinator.notify.pagerduty;

import io.quorate.coordinator.notify.ChannelFields;
import io.quorate.coordinator.notify.ChannelType;
import io.quorate.coordinator.notify.Notifier;
import io.quorate.coordinator.notify.NotifierTools;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * A PagerDuty service through the Events API v2: {@code routing_key} (the integration key, secret),
 * {@code severity} of triggered alerts (default critical) and {@code api_url} (default
 * {@code https://events.pagerduty.com}; tests and EU proxies point it elsewhere).
 */
public final class PagerDutyChannelType implements ChannelType {
  static final String ROUTING_KEY = "routing_key";
  static final String SEVERITY = "severity";
  static final String API_URL = "api_url";
  static final List<String> SEVERITIES = List.of("critical", "error", "warning", "info");

  @Override
  public String name() {
    return "pagerduty";
  }

  @Override
  public Set<String> fields() {
    return Set.of(ROUTING_KEY, SEVERITY, API_URL);
  }

  @Override
  public Set<String> secrets() {
    return Set.of(ROUTING_KEY);
  }

  @Override
  public JsonObject validate(JsonObject config) {
    return new JsonObject()
        .put(ROUTING_KEY, ChannelFields.requiredString(config, ROUTING_KEY,
            "the integration key of an Events API v2 integration on the PagerDuty service"))
        .put(SEVERITY, ChannelFields.oneOf(config, SEVERITY, "critical", SEVERITIES))
        .put(API_URL, ChannelFields.baseUrl(config, API_URL, "https://events.pagerduty.com"));
  }

  @Override
  public String defaultName(JsonObject config) {
    return "PagerDuty";
  }

  @Override
  public Notifier notifier(NotifierTools tools) {
    return new PagerDutyNotifier(tools);
  }
}
