package io.quorate.coordinator.apply;

import io.quorate.coordinator.monitor.Durations;
import io.quorate.coordinator.notify.ChannelType;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar coordinator.jar apply -f monitors.yaml}: makes a running coordinator's channels and
 * monitors match a file, through its REST API. Prints the plan first; writes nothing when the file has a
 * problem; a second run of the same file finds nothing to do.
 */
@Command(name = "apply", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Create, update and (with --prune) delete channels and monitors to match a YAML file.",
        "Exit codes: 0 done (or nothing to do), 1 invalid file or refused by the coordinator, 2 usage error."})
public final class ApplyCommand implements Callable<Integer> {
  static final String TOKEN_VARIABLE = "QUORATE_ADMIN_TOKEN";
  static final String URL_VARIABLE = "QUORATE_URL";
  private final Map<String, String> environment;
  private final List<ChannelType> channelTypes;

  @Spec
  CommandSpec spec;
  @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE",
      description = "The YAML file: channels: and monitors:.")
  Path file;
  @Option(names = "--url", paramLabel = "URL", description = "The coordinator, e.g. http://coordinator:8080 (default: $"
      + URL_VARIABLE + ").")
  String url;
  @Option(names = "--token", description = "The admin token (default: $" + TOKEN_VARIABLE + "; prefer it, as"
      + " arguments show in process lists).")
  String token;
  @Option(names = "--prune", description = "Delete channels and monitors that are not in the file.")
  boolean prune;
  @Option(names = "--dry-run", description = "Print the plan and write nothing.")
  boolean dryRun;
  @Option(names = "--force-secrets", description = "Send every secret of the file again, even where the API cannot"
      + " show that it changed.")
  boolean forceSecrets;
  @Option(names = "--timeout", description = "Timeout of each API request (default ${DEFAULT-VALUE}).")
  String timeout = "10s";

  /**
   * @param environment for ${NAME} in the file and the defaults of --url and --token
   * @param channelTypes the coordinator's channel types, to check the file's channels before writing
   */
  public ApplyCommand(Map<String, String> environment, List<ChannelType> channelTypes) {
    this.environment = Map.copyOf(environment);
    this.channelTypes = List.copyOf(channelTypes);
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String baseUrl = required(url, URL_VARIABLE, "--url");
    if (!baseUrl.matches("https?://[^/\\s]+(/\\S*)?")) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--url must be http://host:port or https://...,"
          + " got " + baseUrl);
    }
    CoordinatorClient client = new CoordinatorClient(baseUrl, required(token, TOKEN_VARIABLE, "--token"),
        requestTimeout());
    try {
      Planner planner = new Planner(channelTypes, prune, forceSecrets);
      Plan plan = plan(client, planner);
      out.println("Plan for " + baseUrl + " from " + file + ":");
      plan.print(out);
      if (dryRun || plan.steps().isEmpty()) {
        out.println(dryRun ? "Dry run: nothing applied." : "Nothing to do.");
        return 0;
      }
      out.flush();
      new PlanRunner(client, planner.references(), out).run(plan.steps());
      out.println("Applied " + plan.steps().size() + " change(s).");
      return 0;
    } catch (ApplyException e) {
      e.problems().forEach(problem -> err.println("error: " + problem));
      err.println(e.outcome());
      return 1;
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** Reads and checks the file and the coordinator's objects: everything that must hold before a write. */
  private Plan plan(CoordinatorClient client, Planner planner) {
    try {
      DesiredState desired = ApplyFileReader.read(file, environment);
      List<JsonObject> channels = client.list("channels");
      return planner.plan(desired, channels, client.list("monitors"), client.regions());
    } catch (ApiRefusal e) {
      throw new ApplyException(e.problem());
    }
  }

  private String required(String given, String variable, String option) {
    String value = given != null && !given.isBlank() ? given : environment.get(variable);
    if (value == null || value.isBlank()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "Missing " + option + " (or $" + variable + ")");
    }
    return value.strip();
  }

  private Duration requestTimeout() {
    try {
      return Durations.parse(timeout);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--timeout " + e.getMessage());
    }
  }
}
