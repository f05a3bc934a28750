#!/usr/bin/env bash
# The benchmark: end-to-end throughput and latency of the pipeline against the raw limits of the
# same embedded stack. ./bench.sh --help for the options; results in target/bench/.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

SCRIPT_NAME=bench.sh
# shellcheck source=scripts/build-lib.sh
source scripts/build-lib.sh
# the services' jars are what is measured: build everything when any jar is missing or older
# than a source (the same check ./run.sh makes)
JARS+=("bench/target/bench-*-exec.jar")

java="$(find_java)"
if needs_build; then
  build
fi
exec "${java}" -Djava.awt.headless=true -jar "$(jar_for "bench/target/bench-*-exec.jar")" "$@"
