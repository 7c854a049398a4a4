#!/usr/bin/env bash
# Checks the platform's monitoring with the real Prometheus tools: the scrape configuration, the alert rules and
# their unit tests, and every query of the Grafana dashboard. Then, unless --static, starts a real Prometheus
# (a temporary one, with its own data folder) against the locally running platform (./run-local.sh), waits until
# every service is scraped and every rule has been evaluated, runs the dashboard's queries on it, and stops it.
# Exits non-zero on any failure. Installs Debian's prometheus package (and jq) when they are missing.
#
# Usage: infra/observability/check-prometheus.sh [--static]
#   --static   the checks that need no running platform (for CI)
#
# Optional environment (defaults in brackets):
#   PROMETHEUS_PORT [9090]   port of the temporary Prometheus
#   PLAN_SERVICE_PORT [8081]  TASK_SERVICE_PORT [8082]  REPORT_SERVICE_PORT [8083]  NOTIFICATION_SERVICE_PORT [8084]
#                            where the services listen, as for run-local.sh
#   CHECK_TIMEOUT_SECONDS [120]  how long to wait for the targets and the rules
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
prometheus_dir="$here/prometheus"
dashboard="$here/grafana/par-platform.json"
port="${PROMETHEUS_PORT:-9090}"
timeout="${CHECK_TIMEOUT_SECONDS:-120}"

static_only=false
case "${1:-}" in
  "") ;;
  --static) static_only=true ;;
  *) echo "Usage: $0 [--static]" >&2; exit 2 ;;
esac

failures=0
ok()   { printf '  ok    %s\n' "$1"; }
info() { printf '  info  %s\n' "$1"; }
fail() { printf '  FAIL  %s\n' "$1"; failures=$((failures + 1)); }
# Runs a command quietly; on failure shows its output and counts the failure.
check() {
  local what="$1"; shift
  local output
  if output="$("$@" 2>&1)"; then ok "$what"; else fail "$what"; printf '%s\n' "$output" | sed 's/^/        /'; fi
}

install_missing_tools() {
  local missing=()
  command -v promtool >/dev/null && command -v prometheus >/dev/null || missing+=(prometheus)
  command -v jq >/dev/null || missing+=(jq)
  command -v curl >/dev/null || missing+=(curl)
  [ ${#missing[@]} -eq 0 ] && return
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing: ${missing[*]}. Install them (Debian: sudo apt-get install ${missing[*]}) and run again." >&2
    exit 2
  fi
  echo "Installing ${missing[*]} from Debian's packages..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

workdir="$(mktemp -d -t par-prometheus-check.XXXXXX)"
prometheus_pid=""
cleanup() {
  if [ -n "$prometheus_pid" ] && kill -0 "$prometheus_pid" 2>/dev/null; then
    kill -TERM "$prometheus_pid"
    wait "$prometheus_pid" 2>/dev/null || true
  fi
  rm -rf "$workdir"
}
trap cleanup EXIT

# The committed configuration, with the services' ports as this machine has them.
prepare_config() {
  cp "$prometheus_dir/prometheus.yml" "$prometheus_dir/alerts.yml" "$workdir/"
  sed -i \
    -e "s/localhost:8081/localhost:${PLAN_SERVICE_PORT:-8081}/" \
    -e "s/localhost:8082/localhost:${TASK_SERVICE_PORT:-8082}/" \
    -e "s/localhost:8083/localhost:${REPORT_SERVICE_PORT:-8083}/" \
    -e "s/localhost:8084/localhost:${NOTIFICATION_SERVICE_PORT:-8084}/" \
    "$workdir/prometheus.yml"
}

# Every alert must be shown firing by at least one test (its labels and annotations are then checked too).
alerts_without_firing_test() {
  comm -23 \
    <(sed -n 's/^ *- alert: *//p' "$prometheus_dir/alerts.yml" | sort -u) \
    <(awk '/alertname:/ { name = $2 } /exp_alerts:/ { print name }' "$prometheus_dir/alerts-test.yml" | sort -u)
}

# The dashboard's queries, panels' and variables' (label_values(<selector>, <label>) reads <selector>), with
# Grafana's variables replaced by values Prometheus accepts, one per line.
dashboard_queries() {
  jq -r '(.panels[] | select(.type != "row") | .targets[].expr), (.templating.list[] | select(.type == "query") | .query)' \
    "$dashboard" | sed -E \
    -e 's/^label_values\((.*), *[A-Za-z_][A-Za-z0-9_]*\)$/\1/' \
    -e 's/\$__rate_interval/5m/g' -e 's/\$__range/1d/g' -e 's/\$__interval/1m/g' \
    -e 's/\$\{?[A-Za-z_][A-Za-z0-9_]*\}?/.*/g'
}

check_dashboard_structure() {
  jq -e '
    ([.panels[] | select(.type != "row")] as $panels
     | ($panels | length) > 0
       and all($panels[]; (.targets | length) > 0 and .datasource.uid == "${DS_PROMETHEUS}"
                          and all(.targets[]; .datasource.uid == "${DS_PROMETHEUS}")))
    and ([.panels[].id] | length == (unique | length))
    and ([.templating.list[].name] | index("DS_PROMETHEUS") != null and index("application") != null)
  ' "$dashboard" >/dev/null
}

# promtool checks PromQL in rule files: the dashboard's queries become recording rules of a throwaway group.
check_dashboard_queries_parse() {
  local rules="$workdir/dashboard-queries.yml" n=0
  printf 'groups:\n  - name: grafana-dashboard-queries\n    rules:\n' > "$rules"
  while IFS= read -r query; do
    n=$((n + 1))
    printf '      - record: dashboard:query_%d\n        expr: %s\n' "$n" "$(jq -Rn --arg q "$query" '$q')" >> "$rules"
  done < <(dashboard_queries)
  promtool check rules "$rules"
}

static_checks() {
  echo "== Static checks"
  prepare_config
  check "promtool check config prometheus.yml" promtool check config "$workdir/prometheus.yml"
  check "promtool check rules alerts.yml" promtool check rules "$prometheus_dir/alerts.yml"
  check "promtool test rules alerts-test.yml" promtool test rules "$prometheus_dir/alerts-test.yml"
  local untested
  untested="$(alerts_without_firing_test)"
  if [ -z "$untested" ]; then ok "every alert is shown firing by a test"; else fail "alerts no test shows firing: $(echo $untested)"; fi
  check "dashboard is valid JSON, every panel reads \${DS_PROMETHEUS}, panel ids unique" check_dashboard_structure
  check "dashboard: $(dashboard_queries | wc -l) queries parse (promtool)" check_dashboard_queries_parse
}

api() { curl -fsS --max-time 5 "http://127.0.0.1:$port/api/v1/$1" "${@:2}"; }

start_prometheus() {
  if curl -s --max-time 2 -o /dev/null "http://127.0.0.1:$port/"; then
    fail "port $port is already in use: set PROMETHEUS_PORT to a free port"
    return 1
  fi
  prometheus --config.file="$workdir/prometheus.yml" --storage.tsdb.path="$workdir/data" \
    --web.listen-address="127.0.0.1:$port" >"$workdir/prometheus.log" 2>&1 &
  prometheus_pid=$!
}

targets_up() {
  api targets | jq -e --argjson jobs "$1" \
    '(.data.activeTargets | length) == $jobs and all(.data.activeTargets[]; .health == "up")' >/dev/null
}

rules_evaluated() {
  api rules | jq -e --argjson groups "$1" '
    (.data.groups | length) == $groups
    and all(.data.groups[].rules[]; .health == "ok" and (.lastEvaluation | startswith("0001") | not))' >/dev/null
}

# Polls until the condition holds, Prometheus dies, or the deadline passes.
await() {
  local what="$1"; shift
  local deadline=$((SECONDS + timeout))
  until "$@" 2>/dev/null; do
    if ! kill -0 "$prometheus_pid" 2>/dev/null; then
      fail "$what: Prometheus stopped"; tail -20 "$workdir/prometheus.log" | sed 's/^/        /'; return 1
    fi
    if [ $SECONDS -ge $deadline ]; then fail "$what: not within ${timeout}s"; return 1; fi
    sleep 1
  done
  ok "$what"
}

live_checks() {
  echo "== Live check: a real Prometheus on port $port against the local platform"
  local jobs groups
  jobs="$(grep -c 'job_name:' "$workdir/prometheus.yml")"
  groups="$(grep -c '^  - name:' "$prometheus_dir/alerts.yml")"
  start_prometheus || return 0
  await "Prometheus $(prometheus --version 2>&1 | head -1 | awk '{print $3}') ready" curl -fsS -o /dev/null "http://127.0.0.1:$port/-/ready" || return 0
  if await "all $jobs targets up" targets_up "$jobs"; then
    api targets | jq -r '.data.activeTargets[] | "          \(.labels.service)\t\(.scrapeUrl)\t\(.health)"'
  else
    api targets | jq -r '.data.activeTargets[] | "          \(.labels.job)\t\(.scrapeUrl)\t\(.health)\t\(.lastError)"' || true
    echo "          Is the platform running (./run-local.sh), on these ports? --static checks without it."
  fi
  if await "all $groups rule groups loaded and every rule evaluated without error" rules_evaluated "$groups"; then
    api rules | jq -r '.data.groups[] | "          \(.name): \(.rules | map(.name) | join(", "))"'
  else
    api rules | jq -r '.data.groups[].rules[] | select(.health != "ok") | "          \(.name): \(.health) \(.lastError // "")"' || true
  fi

  local query failed=0 total=0
  while IFS= read -r query; do
    total=$((total + 1))
    api query --get --data-urlencode "query=$query" | jq -e '.status == "success"' >/dev/null \
      || { failed=$((failed + 1)); echo "        query failed: $query"; }
  done < <(dashboard_queries)
  if [ $failed -eq 0 ]; then ok "the dashboard's $total queries run"; else fail "$failed of the dashboard's $total queries fail"; fi

  local exposed used missing
  exposed="$(api label/__name__/values | jq -r '.data[]' | sort -u)"
  used="$( (cat "$prometheus_dir/alerts.yml"; dashboard_queries) \
    | grep -oP '(?<![\w:])(par|http|jvm|process|resilience4j|spring_cloud_stream|kafka)_[a-z0-9_]+' | sort -u)"
  missing="$(comm -23 <(echo "$used") <(echo "$exposed"))"
  if [ -z "$missing" ]; then
    info "every metric the alerts and the dashboard use is exposed"
  else
    info "metrics not exposed (yet) by any service; counters appear with their first event:"
    echo "$missing" | sed 's/^/          /'
  fi
  info "alerts pending or firing now: $(api alerts | jq -r '[.data.alerts[] | "\(.labels.alertname)(\(.state))"] | if length == 0 then "none" else join(", ") end')"
}

install_missing_tools
static_checks
$static_only || live_checks

if [ $failures -eq 0 ]; then echo "PASS"; else echo "FAIL: $failures check(s) failed"; exit 1; fi
