#!/usr/bin/env bash
# Writes each service's API description, as the running service serves it, to docs/api/<service>.json.
# Run it after an intended change of an API and commit the result: the ApiContractTest of each service
# fails while the committed description and the served one differ, so every contract change is reviewed.
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./mvnw -B -q -pl proposal-service,review-service,notification-service -am test \
    -Dtest=ApiContractTest -Dsurefire.failIfNoSpecifiedTests=false -Dapi.contract.update=true "$@"
