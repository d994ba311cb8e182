package io.quorate.probe;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;

/**
 * Supplies option values not given as flags: from the environment ({@code --http-port} ←
 * {@code QUORATE_HTTP_PORT}), else from the {@code --config} properties file ({@code http-port=8081}).
 * Picocli asks it only for options missing on the command line, so the precedence is flag, environment,
 * file, built-in default.
 */
final class EnvironmentAndFileDefaults implements CommandLine.IDefaultValueProvider {
  private final Map<String, String> environment;
  private final Properties file;

  EnvironmentAndFileDefaults(Map<String, String> environment, Properties file) {
    this.environment = environment;
    this.file = file;
  }

  /**
   * Finds {@code --config FILE} (or {@code QUORATE_CONFIG}) in the raw arguments, before picocli parses
   * them, and reads it.
   *
   * @throws ConfigException naming {@code config} when the file cannot be read
   */
  static EnvironmentAndFileDefaults from(String[] args, Map<String, String> environment) {
    String path = environment.get("QUORATE_CONFIG");
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        path = args[i + 1];
      } else if (args[i].startsWith("--config=")) {
        path = args[i].substring("--config=".length());
      }
    }
    Properties properties = new Properties();
    if (path != null && !path.isBlank()) {
      try (Reader reader = Files.newBufferedReader(Path.of(path))) {
        properties.load(reader);
      } catch (IOException | RuntimeException e) {
        throw new ConfigException("config", "cannot read " + path + ": " + e.getMessage());
      }
    }
    return new EnvironmentAndFileDefaults(environment, properties);
  }

  static String environmentName(String longOption) {
    return "QUORATE_" + longOption.replaceFirst("^--", "").replace('-', '_').toUpperCase(Locale.ROOT);
  }

  @Override
  public String defaultValue(CommandLine.Model.ArgSpec argSpec) {
    if (!(argSpec instanceof CommandLine.Model.OptionSpec option) || option.usageHelp() || option.versionHelp()) {
      return null;
    }
    String fromEnvironment = environment.get(environmentName(option.longestName()));
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment.strip();
    }
    String fromFile = file.getProperty(option.longestName().replaceFirst("^--", ""));
    return fromFile == null || fromFile.isBlank() ? null : fromFile.strip();
  }
}
