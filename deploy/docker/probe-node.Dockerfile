# Quorate probe node image.
# The jar is built on the host first, from the repository root:
#   mvn -B -ntp package -DskipTests
#   docker build -f deploy/docker/probe-node.Dockerfile -t quorate/probe-node:0.1.0 .
FROM eclipse-temurin:17-jre-jammy

# curl for HEALTHCHECK only.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 quorate \
 && useradd --system --uid 10001 --gid 10001 --home-dir /var/lib/quorate --create-home quorate

COPY probe-node/target/probe-node.jar /opt/quorate/probe-node.jar

# The spool keeps pings and observations the coordinators have not acknowledged yet, and the node id:
# keep it on a volume so a restarted container replays it instead of losing it.
ENV QUORATE_SPOOL_DIR=/var/lib/quorate/spool
VOLUME ["/var/lib/quorate"]
USER 10001:10001
WORKDIR /var/lib/quorate

# 8081 HTTP (/ping, /health, /metrics).
EXPOSE 8081

HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${QUORATE_HTTP_PORT:-8081}/health" || exit 1

ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/quorate/probe-node.jar"]
