package io.quorate.coordinator.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;

/**
 * Fills options not given as flags: first from the environment ({@code --http-port} ←
 * {@code QUORATE_HTTP_PORT}), then from the {@code --config} properties file ({@code http-port=8080}).
 * So the precedence is flag, environment, file, built-in default.
 */
public final class EnvironmentAndFileDefaults implements CommandLine.IDefaultValueProvider {
  private final Map<String, String> environment;
  private final Properties file;

  public EnvironmentAndFileDefaults(Map<String, String> environment, Properties file) {
    this.environment = environment;
    this.file = file;
  }

  /** Reads {@code --config FILE} (or {@code QUORATE_CONFIG}) from the raw arguments before picocli parses them. */
  public static EnvironmentAndFileDefaults from(String[] args, Map<String, String> environment) {
    String path = environment.get("QUORATE_CONFIG");
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        path = args[i + 1];
      } else if (args[i].startsWith("--config=")) {
        path = args[i].substring("--config=".length());
      }
    }
    Properties properties = new Properties();
    if (path != null) {
      try (Reader reader = Files.newBufferedReader(Path.of(path))) {
        properties.load(reader);
      } catch (IOException e) {
        throw new ConfigException("config", "cannot read " + path + ": " + e.getMessage());
      }
    }
    return new EnvironmentAndFileDefaults(environment, properties);
  }

  public static String environmentName(String longOption) {
    return "QUORATE_" + longOption.replaceFirst("^--", "").replace('-', '_').toUpperCase(Locale.ROOT);
  }

  @Override
  public String defaultValue(CommandLine.Model.ArgSpec argSpec) {
    if (!(argSpec instanceof CommandLine.Model.OptionSpec option)) {
      return null;
    }
    String fromEnvironment = environment.get(environmentName(option.longestName()));
    if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
      return fromEnvironment;
    }
    return file.getProperty(option.longestName().replaceFirst("^--", ""));
  }
}
