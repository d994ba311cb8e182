package io.quorate.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The repository's files as the deploy checks read them: YAML documents, env files, the poms' build output. */
final class RepositoryFiles {
  private RepositoryFiles() {}

  /** The repository root: Maven runs this module's tests in {@code deploy/check}. */
  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("deploy/docker"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no deploy/docker above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  static Path deploy(String relative) {
    return root().resolve("deploy").resolve(relative);
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every document of a YAML file (a Kubernetes manifest may hold several), with anchors and merge keys resolved. */
  static List<Object> yamlDocuments(Path file) {
    List<Object> documents = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file)) {
      new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader).forEach(document -> {
        if (document != null) {
          documents.add(document);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return documents;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> yamlMap(Path file) {
    return (Map<String, Object>) yamlDocuments(file).get(0);
  }

  /** {@code KEY=VALUE} lines of an env file (systemd EnvironmentFile, compose .env, kustomize envs). */
  static Map<String, String> envFile(Path file) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : read(file).lines().map(String::strip).toList()) {
      int equals = line.indexOf('=');
      if (!line.isEmpty() && !line.startsWith("#") && equals > 0) {
        values.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
      }
    }
    return values;
  }

  static List<Path> filesUnder(Path dir, String suffix) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).filter(file -> file.getFileName().toString().endsWith(suffix))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code coordinator.jar}: the shaded jar's name from the module's pom (maven-shade-plugin finalName). */
  static String finalJarName(QuorateProcess process) {
    return pomValue(process, "//plugin[artifactId='maven-shade-plugin']//finalName") + ".jar";
  }

  /** The Main-Class the module's pom writes into the shaded jar. */
  static String jarMainClass(QuorateProcess process) {
    return pomValue(process, "//plugin[artifactId='maven-shade-plugin']//mainClass");
  }

  /** Where {@code mvn package} leaves the runnable jar, relative to the repository root. */
  static String builtJarPath(QuorateProcess process) {
    return process.module + "/target/" + finalJarName(process);
  }

  private static String pomValue(QuorateProcess process, String xpath) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      Document pom = factory.newDocumentBuilder().parse(root().resolve(process.module).resolve("pom.xml").toFile());
      String value = XPathFactory.newInstance().newXPath().evaluate(xpath, pom).strip();
      if (value.isEmpty()) {
        throw new IllegalStateException(process.module + "/pom.xml has no " + xpath);
      }
      return value;
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + process.module + "/pom.xml: " + e.getMessage(), e);
    }
  }
}
