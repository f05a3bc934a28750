#!/usr/bin/env bash
# The fault runs: stories under kill -9 of each service, a dev-stack restart, SMTP and MongoDB outages,
# and with two instances of every service; every mail counted in the mailboxes. ./faults.sh --help for
# the options; the table is also written to faults/target/faults/table.txt. Exits 1 on any lost or
# repeated mail, unfinished story, dead letter or unhealthy service.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

SCRIPT_NAME=faults.sh
# shellcheck source=scripts/build-lib.sh
source scripts/build-lib.sh
# the services' jars are what is tested: build everything when any jar is missing or older than a source
JARS+=("faults/target/faults-*-exec.jar")

java="$(find_java)"
if needs_build; then
  build
fi
exec "${java}" -Djava.awt.headless=true -jar "$(jar_for "faults/target/faults-*-exec.jar")" "$@"
