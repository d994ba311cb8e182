package io.quorate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {
  @TempDir
  Path dir;

  @Test
  void generatesTokensAtTheFirstRunAndReusesThemAfterwards() throws Exception {
    Path file = dir.resolve("data/tokens.properties");

    TokenStore.Tokens first = TokenStore.loadOrCreate(file);
    TokenStore.Tokens second = TokenStore.loadOrCreate(file);

    assertEquals(first, second);
    assertNotEquals(first.admin(), first.probe());
    assertTrue(first.admin().reveal().length() >= 40, "32 random bytes");
    assertTrue(Files.readString(file).contains(TokenStore.ADMIN_KEY + "="));
  }

  @Test
  void keepsAGivenTokenAndFillsInTheMissingOne() throws Exception {
    Path file = dir.resolve("tokens.properties");
    Files.writeString(file, "admin-token=my-own-admin-token\n");

    TokenStore.Tokens tokens = TokenStore.loadOrCreate(file);

    assertEquals("my-own-admin-token", tokens.admin().reveal());
    assertEquals(tokens.probe(), TokenStore.loadOrCreate(file).probe());
  }

  @Test
  void aSecretNeverPrintsItsValue() {
    assertEquals("****", new Secret("hunter2").toString());
    assertEquals("Tokens[admin=****, probe=****, adminPassword=****]",
        new TokenStore.Tokens(new Secret("a"), new Secret("b"), new Secret("c")).toString());
  }
}
