# Quorate coordinator image.
# The jar is built on the host first, from the repository root:
#   mvn -B -ntp package -DskipTests
#   docker build -f deploy/docker/coordinator.Dockerfile -t quorate/coordinator:0.1.0 .
# Building outside the image keeps one build path (the same jar the tests and deploy/local use) and the
# image free of Maven and its repository.
FROM eclipse-temurin:17-jre-jammy

# curl for HEALTHCHECK only; the JVM needs nothing else.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 quorate \
 && useradd --system --uid 10001 --gid 10001 --home-dir /var/lib/quorate --create-home quorate

COPY coordinator/target/coordinator.jar /opt/quorate/coordinator.jar

# In a container the coordinator uses an external PostgreSQL (QUORATE_DB_URL); the embedded one is for
# trying Quorate on one machine, and its data dir is only used when QUORATE_DB_URL is unset.
ENV QUORATE_DATA_DIR=/var/lib/quorate/data
VOLUME ["/var/lib/quorate"]
USER 10001:10001
WORKDIR /var/lib/quorate

# 8080 HTTP (API, pages, /ping, /health, /metrics), 9090 gRPC probe link, 5701 Hazelcast.
EXPOSE 8080 9090 5701

HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${QUORATE_HTTP_PORT:-8080}/health" || exit 1

ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/quorate/coordinator.jar"]
