#!/usr/bin/env bash
# The benchmark: end-to-end throughput and latency of the pipeline against the raw limits of the
# same embedded stack. ./bench.sh --help for the options; results in target/bench/.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

find_java() {
  if [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]]; then
    echo "${JAVA_HOME}/bin/java"
  elif command -v java >/dev/null 2>&1; then
    command -v java
  else
    echo "bench.sh: no java found; set JAVA_HOME or put java (17 or newer) on the PATH" >&2
    exit 1
  fi
}

bench_jar() {
  compgen -G "bench/target/bench-*-exec.jar" | head -n 1 || true
}

java="$(find_java)"
jar="$(bench_jar)"
# the services' jars are what is measured: build everything when any jar is missing or older
# than a source (the same check ./run.sh makes)
if [[ -z "${jar}" ]] || [[ -n "$(find pom.xml ./*/pom.xml ./*/src/main -newer "${jar}" -type f -print -quit 2>/dev/null)" ]]; then
  echo "bench.sh: building (./mvnw package -DskipTests) ..." >&2
  ./mvnw -B -q package -DskipTests
  jar="$(bench_jar)"
fi
exec "${java}" -Djava.awt.headless=true -jar "${jar}" "$@"
