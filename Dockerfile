# The StreamML command line as an image: docker build -t streamml . && docker run --rm streamml demo sensors
# The build steps live in distribution/docker-steps.sh, which DockerStepsIT also runs (without Docker).
FROM maven:3-eclipse-temurin-17 AS build
ENV STREAMML_HOME=/opt/streamml
WORKDIR /src
COPY . .
RUN sh distribution/docker-steps.sh build
RUN sh distribution/docker-steps.sh install

FROM eclipse-temurin:17-jre
ENV STREAMML_HOME=/opt/streamml
COPY --from=build /opt/streamml /opt/streamml
# the demos write their charts under the working directory (demo-out/NAME): mount a volume here to keep them
WORKDIR /work
ENTRYPOINT ["/opt/streamml/bin/streamml"]
CMD ["--help"]
