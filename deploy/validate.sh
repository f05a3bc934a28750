#!/usr/bin/env bash
# Checks the docker-compose deployment without a Docker engine: the compose file with a compose
# tool and a linter, the Dockerfiles with a linter, the helper scripts for syntax, and the
# project-specific consistency checks of deploy/check_deployment.py.
#
# Usage: deploy/validate.sh [--install]
#   --install   first install the validators into $VALIDATE_TOOLS (default
#               /tmp/proposalflow-validate), not into the repository or the system:
#               dclint and dockerfile-utils from npm; from Debian (downloaded and unpacked, not
#               installed) shellcheck, and docker-compose 1.29.2 when no `docker compose` exists.
#
# Each validator runs if it is available and is reported as SKIPPED otherwise; the script
# exits 1 if any validator that ran found an error, and 0 otherwise.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2

TOOLS="${VALIDATE_TOOLS:-/tmp/proposalflow-validate}"
DCLINT_VERSION=3.1.0
DOCKERFILE_UTILS_VERSION=0.16.3
DOCKERFILES=(deploy/Dockerfile)

failed=()
skipped=()

section() { printf '\n== %s\n' "$1"; }
ran() { # <name> <exit code>
  if [[ "$2" -eq 0 ]]; then echo "-> $1: ok"; else echo "-> $1: FAILED"; failed+=("$1"); fi
}
skip() { echo "-> SKIPPED $1: $2"; skipped+=("$1 ($2)"); }

install_tools() {
  mkdir -p "${TOOLS}"
  if command -v npm >/dev/null 2>&1; then
    npm install --no-save --no-audit --no-fund --prefix "${TOOLS}/npm" \
      "dclint@${DCLINT_VERSION}" "dockerfile-utils@${DOCKERFILE_UTILS_VERSION}" >/dev/null \
      || echo "validate.sh: npm install failed" >&2
  fi
  if ! command -v shellcheck >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    mkdir -p "${TOOLS}/debs-shellcheck"
    (cd "${TOOLS}/debs-shellcheck" && apt-get download shellcheck >/dev/null) \
      && dpkg -x "${TOOLS}"/debs-shellcheck/shellcheck_*.deb "${TOOLS}/shellcheck"
  fi
  if ! docker compose version >/dev/null 2>&1 && ! command -v docker-compose >/dev/null 2>&1 \
      && command -v apt-get >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1; then
    # Debian's docker-compose (1.29.2, Python) and those of its Python dependencies that are
    # missing here, unpacked into $TOOLS/compose: `config` needs no engine.
    local debs="${TOOLS}/debs" packages=()
    mkdir -p "${debs}" "${TOOLS}/compose"
    while read -r package; do
      dpkg -s "${package}" >/dev/null 2>&1 || packages+=("${package}")
    done < <(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts \
               --no-breaks --no-replaces --no-enhances docker-compose 2>/dev/null \
             | grep -E '^(docker-compose|python3-)' | sort -u)
    (cd "${debs}" && apt-get download "${packages[@]}" >/dev/null) \
      || echo "validate.sh: apt-get download failed (run apt-get update first?)" >&2
    for deb in "${debs}"/*.deb; do
      [[ -e "${deb}" ]] && dpkg -x "${deb}" "${TOOLS}/compose"
    done
  fi
}

# The compose command to use: Compose v2, a docker-compose on the PATH, or the unpacked one.
compose_command() {
  if docker compose version >/dev/null 2>&1; then
    echo "docker compose"
  elif command -v docker-compose >/dev/null 2>&1; then
    echo "docker-compose"
  elif [[ -x "${TOOLS}/compose/usr/bin/docker-compose" && -x /usr/bin/python3 ]]; then
    echo "env PYTHONPATH=${TOOLS}/compose/usr/lib/python3/dist-packages /usr/bin/python3 ${TOOLS}/compose/usr/bin/docker-compose"
  fi
}

# A tool installed by --install, or one on the PATH.
tool() {
  if [[ -x "${TOOLS}/npm/node_modules/.bin/$1" ]]; then
    echo "${TOOLS}/npm/node_modules/.bin/$1"
  elif [[ -x "${TOOLS}/$1/usr/bin/$1" ]]; then
    echo "${TOOLS}/$1/usr/bin/$1"
  elif command -v "$1" >/dev/null 2>&1; then
    command -v "$1"
  fi
}

if [[ "${1:-}" == "--install" ]]; then
  section "installing validators into ${TOOLS}"
  install_tools
fi

# .env.example has empty passwords on purpose; the compose tools get a copy with dummy ones.
env_file="$(mktemp)"
trap 'rm -f "${env_file}"' EXIT
sed -E 's/^((MONGO_ROOT|[A-Z_]+_DB)_PASSWORD)=$/\1=validate-only-dummy/' deploy/.env.example > "${env_file}"

section "compose file: config (parse, schema, interpolation, merge)"
compose="$(compose_command)"
if [[ -n "${compose}" ]]; then
  echo "using: ${compose##*/}"
  ${compose} --env-file "${env_file}" -f docker-compose.yml config --quiet
  ran "compose config" $?
  # without the passwords compose must refuse to start, not run with empty ones
  if ${compose} --env-file /dev/null -f docker-compose.yml config --quiet >/dev/null 2>&1; then
    echo "compose config accepted missing passwords"; ran "compose config refuses missing passwords" 1
  else
    ran "compose config refuses missing passwords" 0
  fi
else
  skip "compose config" "no docker compose / docker-compose (try --install)"
fi

section "compose file: dclint ${DCLINT_VERSION} (compose schema + best practices, deploy/dclint.yml)"
dclint="$(tool dclint)"
if [[ -n "${dclint}" ]]; then
  "${dclint}" --color false -c deploy/dclint.yml docker-compose.yml
  ran "dclint" $?
else
  skip "dclint" "not installed (try --install)"
fi

section "Dockerfiles: hadolint"
hadolint="$(tool hadolint)"
if [[ -n "${hadolint}" ]]; then
  "${hadolint}" "${DOCKERFILES[@]}"
  ran "hadolint" $?
else
  skip "hadolint" "not on the PATH (not on npm; PyPI's wrappers need PyPI)"
fi

section "Dockerfiles: dockerfile-utils ${DOCKERFILE_UTILS_VERSION} lint (the VS Code Docker linter)"
dockerfile_utils="$(tool dockerfile-utils)"
if [[ -n "${dockerfile_utils}" ]]; then
  status=0
  for dockerfile in "${DOCKERFILES[@]}"; do
    echo "${dockerfile}"
    "${dockerfile_utils}" lint "${dockerfile}" || status=1
  done
  ran "dockerfile-utils lint" "${status}"
else
  skip "dockerfile-utils lint" "not installed (try --install)"
fi

section "scripts: syntax"
if command -v node >/dev/null 2>&1; then
  node --check deploy/mongo-init/*.js
  ran "node --check (mongo init script)" $?
  node deploy/test-mongo-init.js
  ran "test-mongo-init.js (the init script against a stand-in db)" $?
else
  skip "node --check" "no node"
fi
bash -n deploy/healthcheck.sh deploy/kafka-create-topics.sh deploy/validate.sh
ran "bash -n" $?
shellcheck="$(tool shellcheck)"
if [[ -n "${shellcheck}" ]]; then
  "${shellcheck}" deploy/healthcheck.sh deploy/kafka-create-topics.sh deploy/validate.sh
  ran "shellcheck" $?
else
  skip "shellcheck" "not installed (try --install)"
fi

section "consistency: services' configuration vs compose, Dockerfiles, topics, .env.example"
if command -v python3 >/dev/null 2>&1 && python3 -c 'import yaml' 2>/dev/null; then
  python3 deploy/check_deployment.py
  ran "check_deployment.py" $?
else
  skip "check_deployment.py" "needs python3 with PyYAML"
fi

section "summary"
for s in "${skipped[@]}"; do echo "skipped: ${s}"; done
if ((${#failed[@]})); then
  printf 'FAILED: %s\n' "${failed[@]}"
  exit 1
fi
echo "all validators that ran passed"
