package io.quorate.coordinator.status;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Makes badge slugs unique. Explicit slugs are unique in the database and keep their name; a slug derived
 * from a name that is already taken gets "-2", "-3"... in display order, so a badge URL keeps naming the
 * same component as long as the list of components does not change.
 */
final class BadgeSlugs {
  private BadgeSlugs() {}

  /** A component's slug wishes: the explicit slug, or the one derived from its shown name. */
  record Wish(Optional<String> explicit, String derived) {}

  static List<String> assign(List<Wish> wishes) {
    Set<String> taken = new HashSet<>();
    wishes.forEach(wish -> wish.explicit().ifPresent(taken::add));
    List<String> slugs = new ArrayList<>();
    for (Wish wish : wishes) {
      if (wish.explicit().isPresent()) {
        slugs.add(wish.explicit().get());
        continue;
      }
      String slug = wish.derived();
      for (int n = 2; taken.contains(slug); n++) {
        slug = wish.derived() + "-" + n;
      }
      taken.add(slug);
      slugs.add(slug);
    }
    return slugs;
  }
}
