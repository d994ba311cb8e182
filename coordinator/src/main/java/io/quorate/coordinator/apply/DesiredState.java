package io.quorate.coordinator.apply;

import java.util.List;

/** What the file asks for: channels and monitors, each identified by its name. */
record DesiredState(List<FileItem> channels, List<FileItem> monitors) {
  DesiredState {
    channels = List.copyOf(channels);
    monitors = List.copyOf(monitors);
  }
}
