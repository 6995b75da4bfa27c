#!/bin/sh
# The build steps of the Dockerfile, kept here so that the Dockerfile and DockerStepsIT (which runs them where
# Docker is absent) run the same commands. From the repository root:
#   sh distribution/docker-steps.sh build     builds the distribution (the reactor modules it needs, no tests)
#   sh distribution/docker-steps.sh install   unpacks distribution/target/streamml-*.tar.gz into $STREAMML_HOME
#                                             and checks that its bin/streamml runs
set -eu
cd "$(dirname "$0")/.."
case "${1:-}" in
    build)
        mvn -B -DskipTests package -pl distribution -am
        ;;
    install)
        : "${STREAMML_HOME:?STREAMML_HOME names the folder to install into}"
        set -- distribution/target/streamml-*.tar.gz
        if [ "$#" -ne 1 ] || [ ! -f "$1" ]; then
            echo "docker-steps: expected one distribution/target/streamml-*.tar.gz, found: $*" >&2
            exit 1
        fi
        mkdir -p "$STREAMML_HOME"
        tar -xzf "$1" -C "$STREAMML_HOME" --strip-components=1
        "$STREAMML_HOME/bin/streamml" --version
        ;;
    *)
        echo "usage: docker-steps.sh build|install" >&2
        exit 2
        ;;
esac
