# streamrec as a container image: the same jar and lib/ folder `mvn package` builds.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY .mvn .mvn
COPY schemas schemas
COPY src src
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
# An unprivileged user owns the state directory and nothing else: the image's files stay root's.
# /app/state exists in the image so that a fresh named volume mounted there inherits the owner.
RUN groupadd --system --gid 10001 streamrec \
    && useradd --system --uid 10001 --gid streamrec --no-create-home --home-dir /app streamrec \
    && mkdir -p /app/state && chown streamrec:streamrec /app/state
WORKDIR /app
COPY --from=build /src/target/streamrec.jar /app/streamrec.jar
COPY --from=build /src/target/lib /app/lib
USER 10001:10001
EXPOSE 8080
VOLUME /app/state
# Memory follows the container's limit: the heap takes half of it, RocksDB an eighth
# (streamrec.rocksdb.memory.bytes=auto), and the rest is left for metaspace, thread stacks,
# direct buffers and the allocator. Survivors are promoted after one young collection instead
# of being copied up to 15 times, aimed at the lookups' p99 (BENCHMARKS.md section 5).
# Override with `-e JAVA_OPTS=...`.
ENV JAVA_OPTS="-XX:MaxRAMPercentage=50 -XX:MaxTenuringThreshold=1 -XX:+ExitOnOutOfMemoryError"
# exec: the JVM is PID 1 and gets the SIGTERM, which closes Kafka Streams (commit, leave the group).
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/streamrec.jar \"$@\"", "streamrec"]
CMD ["--help"]
# Liveness without curl or wget (the JRE image does not promise them) and without a second JVM:
# one HTTP/1.0 GET through bash's /dev/tcp on the HTTP port (8080 unless
# streamrec.http.port says otherwise: then override the check). 200 means alive; 503 means the
# streams died and the container needs a restart.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/live HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q '^HTTP/1\\.[01] 200'"]
