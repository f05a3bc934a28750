#!/usr/bin/env bash
# Runs parts of the proposal workflow on a developer machine, without Docker.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

usage() {
  cat <<'USAGE'
Usage: ./run.sh <command> [options]

Commands:
  infra [options]   start the dev stack in the foreground: Kafka (KRaft) on 127.0.0.1:9092,
                    a MongoDB-compatible server on 127.0.0.1:27017, SMTP 127.0.0.1:3025 and
                    IMAP 127.0.0.1:3143, data in ./data; Ctrl-C stops it cleanly.
                    See ./run.sh infra --help for ports, data directory and environment variables.
  --help            print this help

Running the whole system (infra plus the three services) arrives with the services;
until then start the infrastructure with ./run.sh infra.

Environment:
  JAVA_HOME           Java 17 or newer to use (otherwise java from PATH)
  DEVSTACK_JAVA_OPTS  extra JVM options for the dev stack
USAGE
}

find_java() {
  if [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]]; then
    echo "${JAVA_HOME}/bin/java"
  elif command -v java >/dev/null 2>&1; then
    command -v java
  else
    echo "run.sh: no java found; set JAVA_HOME or put java (17 or newer) on the PATH" >&2
    exit 1
  fi
}

devstack_jar() {
  compgen -G "devstack/target/devstack-*-exec.jar" | head -n 1 || true
}

run_infra() {
  local jar
  jar="$(devstack_jar)"
  if [[ -z "${jar}" ]]; then
    echo "run.sh: building the dev stack (once) ..." >&2
    ./mvnw -B -q -pl devstack -am package -DskipTests
    jar="$(devstack_jar)"
  fi
  local java
  java="$(find_java)"
  # shellcheck disable=SC2086 # DEVSTACK_JAVA_OPTS holds several words on purpose
  exec "${java}" ${DEVSTACK_JAVA_OPTS:-} -jar "${jar}" "$@"
}

case "${1:-}" in
  infra)
    shift
    run_infra "$@"
    ;;
  -h | --help | help)
    usage
    ;;
  "")
    usage
    echo >&2
    echo "run.sh: running the full system arrives with the services; use ./run.sh infra for now." >&2
    exit 1
    ;;
  *)
    echo "run.sh: unknown command '$1'" >&2
    echo >&2
    usage >&2
    exit 2
    ;;
esac
