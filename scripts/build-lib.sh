# Shared by ./run.sh and ./bench.sh (sourced, not run): which java to use, which jars the system
# needs, and whether they must be built first. SCRIPT_NAME names the caller in messages.

find_java() {
  if [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]]; then
    echo "${JAVA_HOME}/bin/java"
  elif command -v java >/dev/null 2>&1; then
    command -v java
  else
    echo "${SCRIPT_NAME}: no java found; set JAVA_HOME or put java (17 or newer) on the PATH" >&2
    exit 1
  fi
}

# The jars the whole system needs; a caller may add its own to JARS before calling needs_build.
JARS=(
  "devstack/target/devstack-*-exec.jar"
  "launcher/target/launcher-*-exec.jar"
  "proposal-service/target/proposal-service-*[0-9T].jar"
  "review-service/target/review-service-*[0-9T].jar"
  "notification-service/target/notification-service-*[0-9T].jar"
  "portal/target/portal-*[0-9T].jar"
)

# The jar a pattern matches, or nothing.
jar_for() {
  compgen -G "$1" | head -n 1 || true
}

# True when a jar is missing, or a source or pom is newer than the oldest jar (e.g. after git pull).
needs_build() {
  local oldest="" jar
  for pattern in "${JARS[@]}"; do
    jar="$(jar_for "${pattern}")"
    [[ -z "${jar}" ]] && return 0
    if [[ -z "${oldest}" || "${jar}" -ot "${oldest}" ]]; then
      oldest="${jar}"
    fi
  done
  [[ -n "$(find pom.xml ./*/pom.xml ./*/src/main -newer "${oldest}" -type f -print -quit 2>/dev/null)" ]]
}

build() {
  echo "${SCRIPT_NAME}: building (./mvnw package -DskipTests; the first time takes a few minutes) ..." >&2
  ./mvnw -B -q package -DskipTests
}
