package io.quorate.coordinator.status;

import java.util.List;
import java.util.Optional;

/**
 * Everything the public status page, its JSON and the badges show, computed at one moment.
 *
 * @param components in display order: by group (ungrouped first), then by name
 * @param activeIncidents newest first
 * @param recentIncidents resolved within {@link #RECENT_DAYS} days, newest first
 */
public record StatusSnapshot(PublicState overall, List<Component> components, List<PublicIncident> activeIncidents,
    List<PublicIncident> recentIncidents) {
  public static final int RECENT_DAYS = 14;

  public StatusSnapshot {
    components = List.copyOf(components);
    activeIncidents = List.copyOf(activeIncidents);
    recentIncidents = List.copyOf(recentIncidents);
  }

  /** The component a badge URL names (slugs are unique: see {@code BadgeSlugs}). */
  public Optional<Component> bySlug(String slug) {
    return components.stream().filter(c -> c.slug().equals(slug)).findFirst();
  }
}
