package io.quorate.coordinator.config;

/** Invalid configuration; the message names the option so the operator knows what to fix. */
public class ConfigException extends RuntimeException {
  public ConfigException(String key, String problem) {
    super("invalid configuration: " + key + ": " + problem);
  }
}
