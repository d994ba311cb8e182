#!/usr/bin/env bash
# Two coordinator nodes joining by Hazelcast's Kubernetes discovery in DNS lookup mode, as the StatefulSet in
# deploy/k8s/base configures them, without Kubernetes: a private network namespace gives the two "pods"
# their own addresses (127.0.0.2, 127.0.0.3) on the same cluster port, and a JVM hosts file makes the
# "headless Service" name resolve to both. Needs root (unshare --net) and the built coordinator jar:
#   mvn -B -ntp package -DskipTests && sudo deploy/check/scripts/kubernetes-dns-join.sh
# Prints each node's /health; both must say "cluster_members":2.
set -euo pipefail
if [[ "${1:-}" != "--inside" ]]; then
  exec unshare --net "$0" --inside
fi
jar="$(cd "$(dirname "$0")/../../.." && pwd)/coordinator/target/coordinator.jar"
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null; wait; rm -rf "$work"' EXIT
ip link set lo up
ip addr add 127.0.0.2/8 dev lo
ip addr add 127.0.0.3/8 dev lo
printf '127.0.0.1 localhost\n127.0.0.2 quorate-cluster\n127.0.0.3 quorate-cluster\n' > "$work/hosts"
export JAVA_TOOL_OPTIONS="-Djdk.net.hosts.file=$work/hosts"
common=(--cluster-port 5701 --cluster-discovery kubernetes --cluster-k8s-service-dns quorate-cluster
  --admin-token check-admin --probe-token check-probe)
wait_for() { for _ in $(seq 1 60); do curl -sf "$1" > /dev/null && return 0; sleep 2; done; return 1; }

java -jar "$jar" --http-port 8080 --grpc-port 9090 --cluster-host 127.0.0.2 --node-id pod-0 \
  --data-dir "$work/data" "${common[@]}" > "$work/pod-0.log" 2>&1 &
wait_for http://localhost:8080/health || { tail -20 "$work/pod-0.log"; exit 1; }
db_port=$(grep -o 'embedded postgresql started port=[0-9]*' "$work/pod-0.log" | grep -o '[0-9]*$')
java -jar "$jar" --http-port 8180 --grpc-port 9190 --cluster-host 127.0.0.3 --node-id pod-1 \
  --db-url "postgresql://postgres@localhost:$db_port/postgres" "${common[@]}" > "$work/pod-1.log" 2>&1 &
wait_for http://localhost:8180/health || { tail -20 "$work/pod-1.log"; exit 1; }
sleep 3
echo "pod-0: $(curl -s http://localhost:8080/health)"
echo "pod-1: $(curl -s http://localhost:8180/health)"
