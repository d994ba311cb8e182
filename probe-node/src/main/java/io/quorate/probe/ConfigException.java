package io.quorate.probe;

/** Invalid configuration. The message starts with the key (the option name without dashes) to fix. */
public final class ConfigException extends IllegalArgumentException {
  private final String key;

  public ConfigException(String key, String problem) {
    super(key + ": " + problem);
    this.key = key;
  }

  /** The option name without dashes, e.g. {@code region} or {@code http-port}. */
  public String key() {
    return key;
  }
}
