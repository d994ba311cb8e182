package io.quorate.coordinator.project;

import java.util.UUID;

/** A group of monitors; its ping key makes slug URLs ({@code /ping/<ping key>/<slug>}) hard to guess. */
public record Project(UUID id, String name, String pingKey) {}
