#!/usr/bin/env python3
"""Consistency checks between docker-compose.yml, the Dockerfiles, the deploy/ helpers and the
services' own configuration: the mistakes no generic linter can see (a variable a service reads
but compose never sets, a dead-letter topic nobody creates, Dockerfiles drifting apart).

Run from the repository root (deploy/validate.sh does). Needs Python 3 with PyYAML.
Prints one line per check and exits 1 if any failed.
"""
import json
import re
import sys
from pathlib import Path

import yaml

SERVICES = {"proposal-service": 8081, "review-service": 8082, "notification-service": 8083}
PLATFORM_DEFAULTS = Path("platform/src/main/resources/platform-defaults.yml")
TOPICS_JAVA = Path("proposal-events/src/main/java/io/proposalflow/events/Topics.java")
TOPICS_SCRIPT = Path("deploy/kafka-create-topics.sh")
ENV_EXAMPLE = Path("deploy/.env.example")
COMPOSE = Path("docker-compose.yml")
REALM = Path("deploy/keycloak/proposalflow-realm.json")
ROLES_JAVA = Path("platform/src/main/java/io/proposalflow/platform/security/Role.java")

# ${NAME} or ${NAME:default} in Spring files, ${NAME}, ${NAME:-x}, ${NAME:?x} in compose
PLACEHOLDER = re.compile(r"\$\{([A-Z][A-Z0-9_]*)")
# compose-only variables with no meaning in .env (none today); keep the list explicit
NOT_IN_ENV_EXAMPLE = set()
# variables whose compose default differs from the service's on purpose: compose points them at
# the containers (Mailpit instead of the embedded GreenMail)
POINTED_AT_CONTAINERS = {"SMTP_HOST", "SMTP_PORT"}

failures = []


def check(ok, message):
    print(("ok   " if ok else "FAIL ") + message)
    if not ok:
        failures.append(message)


def application_yml(service):
    return Path(service, "src/main/resources/application.yml")


def bindings(service):
    """(destination, group) of every consumer binding in the service's application.yml."""
    config = yaml.safe_load(application_yml(service).read_text())
    found = (((config.get("spring") or {}).get("cloud") or {}).get("stream") or {}).get("bindings") or {}
    return [(b["destination"], b["group"]) for b in found.values() if "group" in b]


compose_text = COMPOSE.read_text()
compose = yaml.safe_load(compose_text)

# 1. every variable a service reads is set in its compose environment
platform_vars = set(PLACEHOLDER.findall(PLATFORM_DEFAULTS.read_text()))
for service, port in SERVICES.items():
    reads = platform_vars | set(PLACEHOLDER.findall(application_yml(service).read_text()))
    environment = compose["services"][service].get("environment") or {}
    if isinstance(environment, list):
        environment = dict(item.split("=", 1) if "=" in item else (item, None) for item in environment)
    missing = sorted(reads - set(environment))
    check(not missing, f"{service}: compose sets every variable it reads ({len(reads)})"
          + (f"; missing {missing}" if missing else ""))

    # 2. one port everywhere: compose PORT, the published container port, the image's build argument,
    #    the app default
    build = compose["services"][service].get("build") or {}
    build_args = build.get("args") or {}
    app_port = re.search(r"\$\{PORT:(\d+)\}", application_yml(service).read_text())
    published = [str(p).rsplit(":", 1)[-1] for p in compose["services"][service].get("ports", [])]
    ports = {str(port), str(environment.get("PORT")), str(build_args.get("PORT")),
             app_port and app_port.group(1)} | set(published)
    check(ports == {str(port)}, f"{service}: port {port} in compose, its build argument and application.yml"
          + ("" if ports == {str(port)} else f"; found {sorted(map(str, ports))}"))

    # 3. the image is built from the one Dockerfile with the repository as context
    check(build.get("context") == "." and build.get("dockerfile") == "deploy/Dockerfile"
          and build_args.get("SERVICE") == service,
          f"{service}: built from deploy/Dockerfile with context . and SERVICE={service}")

    # 2b. where compose only passes a setting on, its default is the service's own default, so
    #     that the containers behave like the documented defaults (the variables compose points
    #     at the containers, e.g. SMTP_HOST=mailpit, differ on purpose and are left out)
    app_defaults = dict(re.findall(r"\$\{([A-Z][A-Z0-9_]*):([^}]*)\}",
                                   application_yml(service).read_text() + PLATFORM_DEFAULTS.read_text()))
    compose_block = compose_text.split(f"\n  {service}:\n", 1)[1].split("\n\n", 1)[0]
    compose_defaults = dict(re.findall(r"^\s+([A-Z][A-Z0-9_]*): \$\{\1:-([^}]*)\}$", compose_block, re.M))
    differing = sorted(f"{name} (compose {compose_defaults[name]!r}, service {app_defaults[name]!r})"
                       for name in set(app_defaults) & set(compose_defaults) - POINTED_AT_CONTAINERS
                       if compose_defaults[name] != app_defaults[name])
    check(not differing, f"{service}: compose passes on the service's own defaults"
          + (f"; differing {differing}" if differing else ""))

# 4. one Dockerfile for every image: no module keeps a Dockerfile of its own that could drift
own = sorted(str(p) for p in Path(".").glob("*/Dockerfile") if p.parent.name != "deploy")
check(not own and Path("deploy/Dockerfile").is_file(),
      "one Dockerfile (deploy/Dockerfile) builds every image" + (f"; also found {own}" if own else ""))

# 5. kafka-init creates every event topic and every dead-letter topic error.<topic>.<group>
event_topics = set(re.findall(r'=\s*"([a-z-]+-events)"', TOPICS_JAVA.read_text()))
created = set(re.findall(r"^create ([a-z.-]+) ", TOPICS_SCRIPT.read_text(), re.M))
expected = set(event_topics)
for service in SERVICES:
    for destination, group in bindings(service):
        expected.add(destination)
        expected.add(f"error.{destination}.{group}")
check(created == expected, f"kafka-init creates exactly the {len(expected)} topics the services use"
      + ("" if created == expected
         else f"; missing {sorted(expected - created)}, unused {sorted(created - expected)}"))

# 6. .env.example documents every variable docker-compose.yml interpolates
interpolated = set(PLACEHOLDER.findall(compose_text)) - NOT_IN_ENV_EXAMPLE
# optional settings may be listed commented out ("# NAME=default"), required ones are not
documented = set(re.findall(r"^#? ?([A-Z][A-Z0-9_]*)=", ENV_EXAMPLE.read_text(), re.M))
undocumented = sorted(interpolated - documented)
check(not undocumented, f".env.example lists every variable compose reads ({len(interpolated)})"
      + (f"; missing {undocumented}" if undocumented else ""))

# 7. no secret committed: the password lines of .env.example are empty
filled = re.findall(r"^([A-Z_]*PASSWORD)=(.+)$", ENV_EXAMPLE.read_text(), re.M)
check(not filled, ".env.example holds no password" + (f"; filled: {[n for n, _ in filled]}" if filled else ""))

# 8. every container has a health check: its own in compose, or the service image's HEALTHCHECK,
#    or (one-shot kafka-init) an explicit opt-out
for name, service in compose["services"].items():
    healthcheck = service.get("healthcheck")
    if (service.get("build") or {}).get("dockerfile") == "deploy/Dockerfile":  # the services and the portal
        ok = "HEALTHCHECK" in Path("deploy/Dockerfile").read_text()
    elif (healthcheck or {}).get("disable"):
        ok = any(d.get("condition") == "service_completed_successfully"
                 for s in compose["services"].values()
                 for n, d in (s.get("depends_on") or {}).items() if n == name and isinstance(d, dict))
    else:
        ok = bool(healthcheck and healthcheck.get("test"))
    check(ok, f"{name}: has a health check (or is a one-shot others wait for)")

# 9. the Keycloak realm gives the services and the portal what they read (README, "Security")
realm = json.loads(REALM.read_text())
roles = set(re.findall(r"^    ([A-Z_]+)[,;]", ROLES_JAVA.read_text(), re.M))
check({r["name"] for r in realm["roles"]["realm"]} == roles,
      f"realm: the realm roles are the services' roles {sorted(roles)}")
portal_client = next((c for c in realm["clients"] if c["clientId"] == "proposalflow-portal"), {})
check(not portal_client.get("publicClient", True) and portal_client.get("standardFlowEnabled")
      and not portal_client.get("directAccessGrantsEnabled", True)
      and portal_client.get("attributes", {}).get("pkce.code.challenge.method") == "S256",
      "realm: the portal is a confidential client, authorization code with PKCE S256 only")
mappers = [m for scope in realm["clientScopes"] if scope["name"] in portal_client.get("defaultClientScopes", [])
           for m in scope.get("protocolMappers", [])]
claims = {m["config"].get("claim.name") for m in mappers}
audiences = {m["config"].get("included.custom.audience") for m in mappers}
check({"roles", "focus_group", "organisations"} <= claims and "proposalflow-api" in audiences,
      "realm: the portal's tokens carry roles, focus_group, organisations and the audience proposalflow-api")
platform_users = yaml.safe_load(PLATFORM_DEFAULTS.read_text())["platform"]["security"]["users"]
expected_users = {(u["username"], tuple(u["roles"]), u.get("focus-group"), tuple(u.get("organisations", [])))
                  for u in platform_users}
realm_users = {(u["username"], tuple(u["realmRoles"]), (u["attributes"].get("focus_group") or [None])[0],
                tuple(u["attributes"].get("organisations", []))) for u in realm["users"]}
check(realm_users == expected_users, "realm: the demo users are the embedded default's"
      + ("" if realm_users == expected_users else f"; differing {sorted(map(str, realm_users ^ expected_users))}"))
check(all(u["enabled"] == "${KEYCLOAK_DEMO_USERS}" for u in realm["users"])
      and compose["services"]["keycloak"]["environment"]["KEYCLOAK_DEMO_USERS"] == "${KEYCLOAK_DEMO_USERS:-false}",
      "realm: the demo users are off unless KEYCLOAK_DEMO_USERS=true")

sys.exit(1 if failures else 0)
