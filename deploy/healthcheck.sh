#!/usr/bin/env bash
# Container health check of the services (Dockerfile HEALTHCHECK). The Temurin JRE image ships
# neither curl nor wget, and starting a JVM every few seconds to ask would cost more than the
# service itself, so bash talks HTTP/1.0 over its /dev/tcp pseudo-device.
#
# Usage: healthcheck [path]   (default /actuator/health/readiness; the port is the management port
# $MANAGEMENT_SERVER_PORT where one is set, as docker-compose.yml does, else $PORT)
# Exit 0 when the answer's status is 200, 1 otherwise.
set -uo pipefail

path="${1:-/actuator/health/readiness}"
port="${MANAGEMENT_SERVER_PORT:-${PORT:-8080}}"

if ! exec 3<>"/dev/tcp/127.0.0.1/${port}"; then
  echo "unhealthy: nothing listens on port ${port}" >&2
  exit 1
fi
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nAccept: application/json\r\nConnection: close\r\n\r\n' "${path}" >&3
status=""
IFS= read -r -t 4 status <&3
# read the rest too, so the server is not reset while it is still writing the body
while IFS= read -r -t 2 _ <&3; do :; done
exec 3<&-

case "${status}" in
  "HTTP/1."[01]" 200"*) exit 0 ;;
esac
echo "unhealthy: ${path} answered '${status%$'\r'}'" >&2
exit 1
