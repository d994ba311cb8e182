package io.quorate.local;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The admin and probe tokens of the local stack, and the password of its "admin" user, generated at the
 * first run and read back afterwards so sign-ins and curl commands keep working across restarts.
 */
final class TokenStore {
  static final String ADMIN_KEY = "admin-token";
  static final String PROBE_KEY = "probe-token";
  static final String PASSWORD_KEY = "admin-password";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** @param adminPassword the password of the team view's "admin" user that the launcher creates */
  record Tokens(Secret admin, Secret probe, Secret adminPassword) {}

  private TokenStore() {}

  static Tokens loadOrCreate(Path file) throws IOException {
    Properties stored = new Properties();
    if (Files.exists(file)) {
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        stored.load(reader);
      }
    }
    boolean changed = false;
    for (String key : new String[] {ADMIN_KEY, PROBE_KEY, PASSWORD_KEY}) {
      if (stored.getProperty(key, "").isBlank()) {
        stored.setProperty(key, newToken());
        changed = true;
      }
    }
    if (changed) {
      write(file, stored);
    }
    return new Tokens(new Secret(stored.getProperty(ADMIN_KEY).trim()), new Secret(stored.getProperty(PROBE_KEY).trim()),
        new Secret(stored.getProperty(PASSWORD_KEY).trim()));
  }

  static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void write(Path file, Properties tokens) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    if (!Files.exists(file)) {
      Files.createFile(file);
    }
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system (Windows): the file keeps the directory's permissions.
    }
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      tokens.store(writer, "Quorate local launcher: tokens passed to the coordinators and probes. Delete to get new ones.");
    }
  }
}
