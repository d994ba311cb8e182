#!/usr/bin/env bash
# Runs a benchmark (see bench/README.md). Builds the benchmark jar first when it is missing.
#   bench/run.sh probe                      every probe scenario, about 6 minutes on 2 cores
#   bench/run.sh probe probe-hanging        one scenario (also: baseline, probe-throughput, probe-memory)
#   bench/run.sh probe --quick              one short round, to check the benchmark works
#   bench/run.sh --rebuild probe ...        build again first (after changing code)
#   bench/run.sh probe --help               scenarios and options
#   bench/run.sh ping                       heartbeat pings into a probe with its durable spool (needs wrk)
#   bench/run.sh coordinator                observations/s into a coordinator from three regions, time to incident
#   bench/run.sh teamview                   the team view's API at 10,000 monitors and a month of history
# The runner JVM only starts and waits for the measured JVMs; their heap flags are set by the runner and
# printed at the top of the report.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
jar=bench/target/quorate-bench.jar

build=false
if [[ "${1:-}" == "--rebuild" ]]; then
  build=true
  shift
fi
[[ -f "$jar" ]] || build=true

command -v java >/dev/null || { echo "run.sh: java 17 or newer must be on the PATH" >&2; exit 1; }
if [[ "$build" == true ]]; then
  command -v mvn >/dev/null || { echo "run.sh: mvn (Maven 3.8+) is needed to build $jar" >&2; exit 1; }
  echo "run.sh: building $jar: mvn -B -ntp -q -pl bench -am package -DskipTests"
  mvn -B -ntp -q -pl bench -am package -DskipTests
fi

exec java -Xmx128m -cp "$jar" io.quorate.bench.BenchMain "$@"
