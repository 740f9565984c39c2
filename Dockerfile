# The application image: built from the sources with the Maven wrapper, run by a non-root user.
#   docker build -t quality-review .        (docker compose builds it: see README, "Running with Docker Compose")
# Base images are pinned to a release; bump both stages together.

FROM eclipse-temurin:17.0.15_6-jdk-noble AS build
WORKDIR /build
# The wrapper, its Maven and the dependencies first, in a layer of their own: a change to the
# sources alone builds again without downloading them.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY report-templates report-templates
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17.0.15_6-jre-noble
# docker-compose.yml's health check calls curl: a newer base image without it fails here, at
# build time, rather than leaving the service unhealthy.
RUN command -v curl
RUN groupadd --system --gid 10001 quality \
 && useradd --system --uid 10001 --gid quality --home-dir /app --no-create-home --shell /usr/sbin/nologin quality
WORKDIR /app
# The report templates travel inside the jar; the rating scheme and the stakeholders are read
# from jobs/ at run time (read-only for the application user).
COPY --from=build /build/target/quality-review.jar quality-review.jar
COPY jobs jobs
# Everything the application writes, relative to /app, owned by its user: an empty named volume
# mounted on one of these takes over that ownership.
RUN mkdir logs reports uploads inbound outbox demo-data data \
 && chown quality:quality logs reports uploads inbound outbox demo-data data
USER 10001:10001
VOLUME ["/app/logs", "/app/reports", "/app/uploads", "/app/inbound"]
EXPOSE 8080
# The heap follows the container's memory limit. Any command of the command line can replace
# serve: docker compose run --rm app executions
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/quality-review.jar"]
CMD ["serve"]
