#!/usr/bin/env bash
# Static validation of the deployment files, with whatever this machine has. Always: the JUnit checks of this
# module (./mvnw verify runs them too). When installed: yamllint, kubectl's kustomize (renders every overlay),
# docker compose / docker-compose (parses and resolves the compose file). Nothing here starts a container or
# needs a cluster: applying and running can only happen where Docker and Kubernetes are (see README.md).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
skipped=()

step() { printf '\n== %s\n' "$1"; }

step "JUnit checks (infra/deployment)"
(cd "$root" && ./mvnw -B -q -pl infra/deployment -am verify -Dtest='vn.gov.par.deployment.*Test' -Dsurefire.failIfNoSpecifiedTests=false)

step "yamllint"
if command -v yamllint > /dev/null; then
  yamllint -c "$here/.yamllint.yaml" "$here/compose" "$here/kubernetes"
else
  skipped+=("yamllint (apt-get install yamllint)")
fi

step "kustomize build of the base and every overlay"
if command -v kubectl > /dev/null; then
  for dir in "$here/kubernetes/base" "$here"/kubernetes/overlays/*/; do
    kubectl kustomize "$dir" > /dev/null
    dir="${dir%/}"; echo "rendered ${dir#"$here/"}"
  done
elif command -v kustomize > /dev/null; then
  for dir in "$here/kubernetes/base" "$here"/kubernetes/overlays/*/; do
    kustomize build "$dir" > /dev/null
    dir="${dir%/}"; echo "rendered ${dir#"$here/"}"
  done
else
  skipped+=("kustomize (kubectl 1.14+ or kustomize)")
fi

step "docker compose config"
if docker compose version > /dev/null 2>&1; then
  docker compose -f "$here/compose/docker-compose.yml" config --quiet
  echo "compose file valid (docker compose v2)"
elif command -v docker-compose > /dev/null; then
  # Compose v1 (Debian's docker-compose 1.29) predates the top-level project name; everything else it checks.
  copy="$here/compose/.docker-compose.v1-check.yml"
  trap 'rm -f "$copy"' EXIT
  grep -v '^name: ' "$here/compose/docker-compose.yml" > "$copy"
  docker-compose -f "$copy" config --quiet
  echo "compose file valid (docker-compose v1, without the top-level name)"
else
  skipped+=("docker compose (Docker's compose plugin, or apt-get install docker-compose)")
fi

if ((${#skipped[@]})); then
  printf '\nNot checked, tool missing: %s\n' "${skipped[@]}"
fi
