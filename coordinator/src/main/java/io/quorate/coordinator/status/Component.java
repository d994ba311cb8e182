package io.quorate.coordinator.status;

import java.util.Objects;
import java.util.Optional;

/**
 * A public monitor as the status page shows it: its public name, never the internal one when a public name
 * is set, and nothing about how it is checked.
 */
public record Component(String name, Optional<String> group, String slug, PublicState state, Uptime uptime) {
  public Component {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(uptime, "uptime");
  }
}
