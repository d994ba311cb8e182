package io.quorate.coordinator.monitor;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether and how a monitor appears on the public status page. A monitor is private unless marked public:
 * the page, its JSON and the badges never mention private monitors.
 *
 * @param listed shown on the public page (the API field {@code public})
 * @param name   shown instead of the internal name, which may reveal internals
 * @param group  the heading the component is listed under
 * @param slug   the badge's name in {@code /badge/<slug>.svg}; derived from the shown name when empty
 */
public record PublicListing(boolean listed, Optional<String> name, Optional<String> group, Optional<String> slug) {
  public static final PublicListing PRIVATE = new PublicListing(false, Optional.empty(), Optional.empty(),
      Optional.empty());

  public PublicListing {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(slug, "slug");
  }

  /** The name the public sees. */
  public String shownName(String internalName) {
    return name.orElse(internalName);
  }

  /** The badge slug when none is given: the shown name in lowercase ASCII words joined by dashes. */
  public String derivedSlug(String internalName) {
    return slugOf(shownName(internalName));
  }

  static String slugOf(String text) {
    String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+)|(-+$)", "");
    return slug.isEmpty() ? "component" : slug.substring(0, Math.min(slug.length(), 60)).replaceAll("-+$", "");
  }
}
