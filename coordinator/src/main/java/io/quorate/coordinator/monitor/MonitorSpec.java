package io.quorate.coordinator.monitor;

/** What a monitor watches: the closed set of monitor types. */
public sealed interface MonitorSpec permits HttpSpec, HeartbeatSpec {
  String type();
}
