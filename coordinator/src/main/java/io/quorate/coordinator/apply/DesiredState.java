package io.quorate.coordinator.apply;

import java.util.List;
import java.util.Set;

/**
 * What the file asks for: channels and monitors, each identified by its name.
 *
 * @param managed the top-level keys the file has ("channels", "monitors"): {@code --prune} deletes only kinds
 *     the file manages, so a file with just {@code monitors:} never deletes a channel; an explicitly empty list
 *     ({@code channels: []}) does manage its kind
 */
record DesiredState(List<FileItem> channels, List<FileItem> monitors, Set<String> managed) {
  DesiredState {
    channels = List.copyOf(channels);
    monitors = List.copyOf(monitors);
    managed = Set.copyOf(managed);
  }

  /** @param kind "channel" or "monitor" */
  boolean manages(String kind) {
    return managed.contains(kind + "s");
  }
}
