#!/usr/bin/env bash
# Runs parts of the proposal workflow on a developer machine, without Docker.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

usage() {
  cat <<'USAGE'
Usage: ./run.sh [options]          the whole system: dev stack + three services + portal + demo data
       ./run.sh infra [options]    only the dev stack (Kafka, MongoDB stand-in, SMTP/IMAP)

./run.sh builds what is missing or out of date, starts the dev stack, the three services and the
portal as separate JVMs on 127.0.0.1, waits until all are healthy, loads the demo data and prints
where to look, the portal's address first. Ctrl-C stops everything cleanly; data is kept in ./data
between runs.

Options:
  --reset            delete the data of earlier runs first (start empty)
  --no-demo-data     do not load the two demo proposals
  --data-dir <dir>   where data and logs live (default ./data, env PROPOSALFLOW_DATA_DIR)
  --help             print this help (./run.sh infra --help for the dev stack's options)

Environment:
  PORTAL_PORT                                                             (8080)
  PROPOSAL_SERVICE_PORT, REVIEW_SERVICE_PORT, NOTIFICATION_SERVICE_PORT   (8081, 8082, 8083)
  DEVSTACK_KAFKA_PORT, DEVSTACK_KAFKA_CONTROLLER_PORT, DEVSTACK_MONGO_PORT,
  DEVSTACK_SMTP_PORT, DEVSTACK_IMAP_PORT                    (9092, 9093, 27017, 3025, 3143)
  SERVICE_JAVA_OPTS   JVM options for each service (default: small heap, Serial GC, C1 only; see docs/performance.md)
  DEVSTACK_JAVA_OPTS  JVM options for the dev stack
  JAVA_HOME           Java 17 or newer to use (otherwise java from PATH)
USAGE
}

SCRIPT_NAME=run.sh
# shellcheck source=scripts/build-lib.sh
source scripts/build-lib.sh

run_infra() {
  local jar
  jar="$(jar_for "devstack/target/devstack-*-exec.jar")"
  if [[ -z "${jar}" ]]; then
    echo "run.sh: building the dev stack (once) ..." >&2
    ./mvnw -B -q -pl devstack -am package -DskipTests
    jar="$(jar_for "devstack/target/devstack-*-exec.jar")"
  fi
  local java
  java="$(find_java)"
  # shellcheck disable=SC2086 # DEVSTACK_JAVA_OPTS holds several words on purpose
  exec "${java}" ${DEVSTACK_JAVA_OPTS:-} -jar "${jar}" "$@"
}

run_system() {
  # checked before building, so a typo does not cost a build; the launcher parses them again
  local args=("$@") i
  for ((i = 0; i < ${#args[@]}; i++)); do
    case "${args[i]}" in
      --reset | --no-demo-data) ;;
      --data-dir) i=$((i + 1)) ;;
      *)
        echo "run.sh: unknown option '${args[i]}'" >&2
        echo >&2
        usage >&2
        exit 2
        ;;
    esac
  done
  local java
  java="$(find_java)"
  if needs_build; then
    build
  fi
  # the launcher starts the children with the same java it runs on
  exec "${java}" -jar "$(jar_for "launcher/target/launcher-*-exec.jar")" "$@"
}

case "${1:-}" in
  infra)
    shift
    run_infra "$@"
    ;;
  -h | --help | help)
    usage
    ;;
  *)
    run_system "$@"
    ;;
esac
