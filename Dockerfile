# streamrec as a container image: the same jar and lib/ folder `mvn package` builds.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY .mvn .mvn
COPY schemas schemas
COPY src src
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/streamrec.jar /app/streamrec.jar
COPY --from=build /src/target/lib /app/lib
EXPOSE 8080
# Survivors are promoted after one young collection instead of being copied up to 15 times,
# aimed at the lookups' p99; on an idle machine no gain has been measured (BENCHMARKS.md section 5).
ENTRYPOINT ["java", "-XX:MaxTenuringThreshold=1", "-jar", "/app/streamrec.jar"]
CMD ["--help"]
