#!/usr/bin/env bash
# Starts Quorate on this machine (see deploy/local/README.md): builds the jars first if any is missing,
# then runs the launcher from the repository root, so its data lives in <repo>/.quorate-local.
#   deploy/local/run.sh                  build if needed, then start
#   deploy/local/run.sh --rebuild        build again first (after changing code)
#   deploy/local/run.sh --base-port 18080   any other option goes to the launcher (see --help)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

build=false
if [[ "${1:-}" == "--rebuild" ]]; then
  build=true
  shift
fi
for jar in coordinator/target/coordinator.jar probe-node/target/probe-node.jar deploy/local/target/quorate-local.jar; do
  [[ -f "$jar" ]] || build=true
done

command -v java >/dev/null || { echo "run.sh: java 17 or newer must be on the PATH" >&2; exit 1; }
if [[ "$build" == true ]]; then
  command -v mvn >/dev/null || { echo "run.sh: mvn (Maven 3.8+) is needed to build the jars" >&2; exit 1; }
  echo "run.sh: building the jars: mvn -B -ntp package -DskipTests"
  mvn -B -ntp package -DskipTests
fi

exec java -jar deploy/local/target/quorate-local.jar "$@"
