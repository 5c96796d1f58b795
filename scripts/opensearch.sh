#!/usr/bin/env bash
# Start, stop or inspect OpenSearch for development and CI: a single node, or a three-node
# cluster on loopback for the cluster and fault tests.
#
#   scripts/opensearch.sh start    # fetch (cached), unpack, start, wait for health; URL on the last line
#   scripts/opensearch.sh stop
#   scripts/opensearch.sh status
#
#   scripts/opensearch.sh cluster-start   # three nodes; waits for 3 nodes and green/yellow;
#                                         # last line: the three URLs, comma-separated
#   scripts/opensearch.sh cluster-stop    # stops all three nodes (the data stays)
#   scripts/opensearch.sh cluster-status  # per-node state and cluster health; URLs on the last line
#   scripts/opensearch.sh node-stop N     # stops node N (1-3) only; the other two keep serving
#   scripts/opensearch.sh node-start N    # starts node N again, waits until it has rejoined;
#                                         # last line: the node's URL
#
# Single node: 127.0.0.1:${OPENSEARCH_PORT:-9200}, heap ${OPENSEARCH_HEAP:-512m}, runtime directory
# ${OPENSEARCH_RUNTIME_DIR:-/var/tmp/praxisnetz-opensearch}, transport port
# ${OPENSEARCH_TRANSPORT_PORT:-HTTP port + 100}. A second single node beside the first (the fault
# tests stop one of their own) needs only another port and directory: its cluster name, data and
# transport port follow from them.
# Cluster: cluster name ${OPENSEARCH_CLUSTER_NAME:-praxisnetz-cluster}, node N listens for HTTP on
# ${OPENSEARCH_CLUSTER_HTTP_PORT:-9201}+N-1 and for transport on ${OPENSEARCH_CLUSTER_TRANSPORT_PORT:-9301}+N-1,
# heap ${OPENSEARCH_CLUSTER_HEAP:-384m} per node, runtime directory
# ${OPENSEARCH_CLUSTER_DIR:-/var/tmp/praxisnetz-opensearch-cluster} with node-N/{config,data,logs}.
# The cluster never touches the single node: other ports, another directory, another cluster name.
# All commands are idempotent. Log lines go to stderr; only URLs go to stdout.
#
# OpenSearch comes from Maven Central as the integ-test-zip distribution, which ships only the
# transport module. The modules the project needs (analysis-common for the German analysis,
# lang-painless, which analysis-common extends) are assembled from their Maven Central jars.
# Both modes unpack the same cached download; run as root, the nodes run as the user opensearch.
set -euo pipefail

VERSION="${OPENSEARCH_VERSION:-2.19.5}"
HOST="127.0.0.1"
PORT="${OPENSEARCH_PORT:-9200}"
HEAP="${OPENSEARCH_HEAP:-512m}"
CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/praxisnetz/opensearch-$VERSION"
RUNTIME_DIR="${OPENSEARCH_RUNTIME_DIR:-/var/tmp/praxisnetz-opensearch}"
HOME_DIR="$RUNTIME_DIR/opensearch-$VERSION"
PID_FILE="$RUNTIME_DIR/opensearch.pid"
LOG_FILE="$RUNTIME_DIR/logs/praxisnetz.log"
URL="http://$HOST:$PORT"
TRANSPORT_PORT="${OPENSEARCH_TRANSPORT_PORT:-$((PORT + 100))}"
# The node on the default port keeps its old name; any other is a cluster of its own.
SINGLE_NAME="praxisnetz"
[[ "$PORT" == 9200 ]] || SINGLE_NAME="praxisnetz-$PORT"
RUN_USER="opensearch"
TIMEOUT="${OPENSEARCH_START_TIMEOUT:-120}"

CLUSTER_NAME="${OPENSEARCH_CLUSTER_NAME:-praxisnetz-cluster}"
CLUSTER_DIR="${OPENSEARCH_CLUSTER_DIR:-/var/tmp/praxisnetz-opensearch-cluster}"
CLUSTER_HOME="$CLUSTER_DIR/opensearch-$VERSION"
CLUSTER_HEAP="${OPENSEARCH_CLUSTER_HEAP:-384m}"
CLUSTER_HTTP_PORT="${OPENSEARCH_CLUSTER_HTTP_PORT:-9201}"
CLUSTER_TRANSPORT_PORT="${OPENSEARCH_CLUSTER_TRANSPORT_PORT:-9301}"
CLUSTER_TIMEOUT="${OPENSEARCH_CLUSTER_START_TIMEOUT:-300}"
CLUSTER_NODES=3

PAINLESS_DEPS=(
  "org.opensearch.plugin:lang-painless:$VERSION:jar"
  "org.opensearch.plugin:opensearch-scripting-painless-spi:$VERSION:jar"
  "org.antlr:antlr4-runtime:4.13.1:jar"
  "org.ow2.asm:asm:9.7:jar"
  "org.ow2.asm:asm-util:9.7:jar"
  "org.ow2.asm:asm-tree:9.7:jar"
  "org.ow2.asm:asm-commons:9.7:jar"
  "org.ow2.asm:asm-analysis:9.7:jar"
)

log() { echo "opensearch.sh: $*" >&2; }

mvn_copy() {  # mvn_copy <artifact> <dir>
  mkdir -p "$2"
  mvn -q -B -Dstyle.color=never dependency:copy -Dartifact="$1" -DoutputDirectory="$2" >&2 \
    || { log "download of $1 from Maven Central failed"; exit 1; }
}

fetch() {
  [[ -f "$CACHE_DIR/complete" ]] && return 0
  command -v mvn >/dev/null || { log "mvn not found (apt-get install maven)"; exit 1; }
  log "fetching OpenSearch $VERSION from Maven Central into $CACHE_DIR"
  rm -rf "$CACHE_DIR"
  mvn_copy "org.opensearch.distribution.integ-test-zip:opensearch:$VERSION:zip" "$CACHE_DIR"
  mvn_copy "org.opensearch.plugin:analysis-common:$VERSION:jar" "$CACHE_DIR/modules/analysis-common"
  local dep
  for dep in "${PAINLESS_DEPS[@]}"; do mvn_copy "$dep" "$CACHE_DIR/modules/lang-painless"; done
  touch "$CACHE_DIR/complete"
}

descriptor() {  # descriptor <name> <classname> <extended>
  cat <<EOF
description=$1 module assembled by praxisnetz
version=$VERSION
name=$1
classname=$2
java.version=11
opensearch.version=$VERSION
extended.plugins=$3
has.native.controller=false
EOF
}

install_modules() {  # install_modules <opensearch home>
  local mod="$1/modules"
  mkdir -p "$mod/analysis-common" "$mod/lang-painless"
  cp "$CACHE_DIR"/modules/analysis-common/*.jar "$mod/analysis-common/"
  cp "$CACHE_DIR"/modules/lang-painless/*.jar "$mod/lang-painless/"
  descriptor analysis-common org.opensearch.analysis.common.CommonAnalysisPlugin lang-painless \
    >"$mod/analysis-common/plugin-descriptor.properties"
  descriptor lang-painless org.opensearch.painless.PainlessPlugin "" \
    >"$mod/lang-painless/plugin-descriptor.properties"
  cat >"$mod/lang-painless/plugin-security.policy" <<'EOF'
grant {
  permission java.lang.RuntimePermission "createClassLoader";
  permission java.lang.RuntimePermission "getClassLoader";
};
EOF
}

unpack_distribution() {  # unpack_distribution <runtime dir>: the cached zip plus the modules
  log "unpacking into $1"
  mkdir -p "$1"
  if command -v unzip >/dev/null; then
    (cd "$1" && unzip -q -o "$CACHE_DIR/opensearch-$VERSION.zip")
  else  # Python's zipfile drops the executable bits
    python3 -m zipfile -e "$CACHE_DIR/opensearch-$VERSION.zip" "$1"
    chmod +x "$1/opensearch-$VERSION"/bin/*
  fi
  install_modules "$1/opensearch-$VERSION"
}

unpack() {
  [[ -x "$HOME_DIR/bin/opensearch" ]] && return 0
  unpack_distribution "$RUNTIME_DIR"
  cat >>"$HOME_DIR/config/opensearch.yml" <<EOF
cluster.name: $SINGLE_NAME
node.name: $SINGLE_NAME-1
network.host: $HOST
http.port: $PORT
transport.port: $TRANSPORT_PORT
discovery.type: single-node
path.data: $RUNTIME_DIR/data
path.logs: $RUNTIME_DIR/logs
action.destructive_requires_name: false
cluster.routing.allocation.disk.threshold_enabled: false
EOF
}

ensure_run_user() {
  id "$RUN_USER" >/dev/null 2>&1 && return 0
  log "creating system user $RUN_USER"
  useradd --system --no-create-home --shell /usr/sbin/nologin "$RUN_USER"
}

ensure_user() {
  [[ "$(id -u)" != 0 ]] && return 0
  ensure_run_user
  mkdir -p "$RUNTIME_DIR/data" "$RUNTIME_DIR/logs"
  chown -R "$RUN_USER:" "$RUNTIME_DIR"
}

healthy() {
  curl -fsS "$URL/_cluster/health" 2>/dev/null | grep -Eq '"status":"(green|yellow)"'
}

running_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$PID_FILE" 2>/dev/null)" || return 1
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

java_home() {
  if [[ -n "${JAVA_HOME:-}" ]]; then echo "$JAVA_HOME"; return; fi
  command -v java >/dev/null || { log "no java found (JDK 17 required)"; exit 1; }
  dirname "$(dirname "$(readlink -f "$(command -v java)")")"
}

launch_opensearch() {  # launch_opensearch <home> <config dir> <pid file> <log file> <heap>
  local env=(env "OPENSEARCH_JAVA_HOME=$(java_home)" "OPENSEARCH_JAVA_OPTS=-Xms$5 -Xmx$5"
    "OPENSEARCH_PATH_CONF=$2")
  local cmd=("$1/bin/opensearch" -d -p "$3")
  # fd 9 is the cluster lock; the daemon must not inherit it
  if [[ "$(id -u)" == 0 ]]; then
    runuser -u "$RUN_USER" -- "${env[@]}" "${cmd[@]}" >>"$4" 2>&1 9>&-
  else
    "${env[@]}" "${cmd[@]}" >>"$4" 2>&1 9>&-
  fi
}

launch() {
  mkdir -p "$RUNTIME_DIR/logs"
  launch_opensearch "$HOME_DIR" "$HOME_DIR/config" "$PID_FILE" "$LOG_FILE" "$HEAP"
}

wait_healthy() {
  local waited=0
  until healthy; do
    if ((waited >= TIMEOUT)); then
      log "OpenSearch did not become healthy within ${TIMEOUT}s; last log lines:"
      tail -n 40 "$RUNTIME_DIR/logs/praxisnetz.log" >&2 || true
      exit 1
    fi
    sleep 2
    waited=$((waited + 2))
  done
}

start() {
  if healthy; then echo "$URL"; return 0; fi
  if running_pid >/dev/null; then wait_healthy; echo "$URL"; return 0; fi
  fetch
  unpack
  ensure_user
  log "starting OpenSearch $VERSION on $URL (heap $HEAP)"
  launch || { log "start failed"; tail -n 40 "$LOG_FILE" >&2 || true; exit 1; }
  wait_healthy
  echo "$URL"
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then log "not running"; return 0; fi
  kill "$pid"
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || { rm -f "$PID_FILE"; log "stopped"; return 0; }; sleep 1; done
  log "OpenSearch (pid $pid) did not stop within 30s"
  exit 1
}

status() {
  if healthy; then
    curl -fsS "$URL/_cluster/health?pretty" >&2
    echo "$URL"
  else
    log "not running"
    exit 3
  fi
}

# --- three-node cluster on loopback ---------------------------------------------------------

node_dir() { echo "$CLUSTER_DIR/node-$1"; }
node_name() { echo "$CLUSTER_NAME-$1"; }
node_http_port() { echo $((CLUSTER_HTTP_PORT + $1 - 1)); }
node_transport_port() { echo $((CLUSTER_TRANSPORT_PORT + $1 - 1)); }
node_url() { echo "http://$HOST:$(node_http_port "$1")"; }
node_log() { echo "$(node_dir "$1")/logs/$CLUSTER_NAME.log"; }
node_launcher_log() { echo "$(node_dir "$1")/logs/launcher.log"; }  # root writes it, so not log4j's file
node_numbers() { seq 1 "$CLUSTER_NODES"; }

cluster_urls() {
  local n urls=()
  for n in $(node_numbers); do urls+=("$(node_url "$n")"); done
  (IFS=,; echo "${urls[*]}")
}

cluster_lists() {  # the seed hosts and the initial cluster managers as YAML flow lists
  local n seeds=() managers=()
  for n in $(node_numbers); do
    seeds+=("\"$HOST:$(node_transport_port "$n")\"")
    managers+=("\"$(node_name "$n")\"")
  done
  (IFS=,; echo "discovery.seed_hosts: [${seeds[*]}]")
  (IFS=,; echo "cluster.initial_cluster_manager_nodes: [${managers[*]}]")
}

check_node_number() {
  [[ "${1:-}" =~ ^[0-9]+$ ]] && ((1 <= $1 && $1 <= CLUSTER_NODES)) && return 0
  log "node number must be 1 to $CLUSTER_NODES, got '${1:-}'"
  exit 2
}

check_cluster_apart() {  # the cluster must never share a directory or a port with the single node
  local n
  if [[ "$CLUSTER_DIR" == "$RUNTIME_DIR" ]]; then
    log "OPENSEARCH_CLUSTER_DIR must differ from the single node's $RUNTIME_DIR"
    exit 2
  fi
  for n in $(node_numbers); do
    if [[ "$(node_http_port "$n")" == "$PORT" || "$(node_transport_port "$n")" == "$PORT" ]]; then
      log "cluster port of node $n collides with the single node's port $PORT"
      exit 2
    fi
  done
}

cluster_lock() {  # one cluster command at a time (cluster-start from two shells must not race)
  mkdir -p "$CLUSTER_DIR"
  exec 9>"$CLUSTER_DIR/.lock"
  flock -w "$CLUSTER_TIMEOUT" 9 || { log "another cluster command holds $CLUSTER_DIR/.lock"; exit 1; }
}

node_pid() {  # the pid of node N, only if that process really runs with node N's config
  local pid_file pid
  pid_file="$(node_dir "$1")/opensearch.pid"
  [[ -f "$pid_file" ]] || return 1
  pid="$(cat "$pid_file" 2>/dev/null)" || return 1
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "path.conf=$(node_dir "$1")/config " || return 1
  echo "$pid"
}

node_health() {  # node_health N: cluster health as seen by node N (fails without a cluster manager)
  curl -fsS --max-time 5 "$(node_url "$1")/_cluster/health?cluster_manager_timeout=2s" 2>/dev/null
}

node_serving() {  # node N has joined a cluster that is green or yellow
  node_health "$1" | grep -Eq '"status":"(green|yellow)"'
}

cluster_complete() {  # some node sees all nodes and green or yellow
  local n health
  for n in $(node_numbers); do
    health="$(node_health "$n")" || continue
    grep -Eq '"status":"(green|yellow)"' <<<"$health" \
      && grep -q "\"number_of_nodes\":$CLUSTER_NODES," <<<"$health" && return 0
  done
  return 1
}

port_in_use() { (: >"/dev/tcp/$HOST/$1") 2>/dev/null; }

check_ports_free() {  # a foreign process on a node's ports would make the node fail obscurely
  local port
  for port in "$(node_http_port "$1")" "$(node_transport_port "$1")"; do
    if port_in_use "$port"; then
      log "port $port of node $1 is already in use by another process"
      exit 1
    fi
  done
}

cluster_unpack() {
  [[ -x "$CLUSTER_HOME/bin/opensearch" ]] && return 0
  unpack_distribution "$CLUSTER_DIR"
}

node_settings() {  # node_settings N: appended to the distribution's opensearch.yml
  local dir
  dir="$(node_dir "$1")"
  cat <<EOF
cluster.name: $CLUSTER_NAME
node.name: $(node_name "$1")
node.roles: [cluster_manager, data, ingest]
network.host: $HOST
http.port: $(node_http_port "$1")
transport.port: $(node_transport_port "$1")
$(cluster_lists)
path.data: $dir/data
path.logs: $dir/logs
action.destructive_requires_name: false
cluster.routing.allocation.disk.threshold_enabled: false
EOF
}

write_node_config() {  # write_node_config N: rewritten on every start, so changed ports take effect
  local dir conf
  dir="$(node_dir "$1")"
  conf="$dir/config"
  mkdir -p "$dir/data" "$dir/logs" "$conf"
  [[ -f "$conf/log4j2.properties" ]] || cp -r "$CLUSTER_HOME/config/." "$conf/"
  { cat "$CLUSTER_HOME/config/opensearch.yml"; node_settings "$1"; } >"$conf/opensearch.yml"
  # jvm.options names logs/ and data relative to the shared home; give each node its own files
  sed -e "s#HeapDumpPath=data#HeapDumpPath=$dir/data#" -e "s#logs/#$dir/logs/#g" \
    "$CLUSTER_HOME/config/jvm.options" >"$conf/jvm.options"
  grep -qF "file=$dir/logs/gc.log" "$conf/jvm.options" \
    || { log "could not point the GC log of node $1 into $dir/logs (jvm.options changed?)"; exit 1; }
}

prepare_node() {  # prepare_node N: everything node N needs on disk, owned by the run user
  write_node_config "$1"
  if [[ "$(id -u)" == 0 ]]; then
    ensure_run_user
    chown -R "$RUN_USER:" "$CLUSTER_DIR"
  fi
}

launch_node() {  # launch_node N: returns once the daemon runs (up to 30s while no quorum exists)
  local dir
  dir="$(node_dir "$1")"
  log "starting node $1 ($(node_name "$1")) on $(node_url "$1"), transport port $(node_transport_port "$1"), heap $CLUSTER_HEAP"
  launch_opensearch "$CLUSTER_HOME" "$dir/config" "$dir/opensearch.pid" "$(node_launcher_log "$1")" "$CLUSTER_HEAP"
}

fail_with_logs() {  # fail_with_logs <message> <node numbers...>
  local n
  log "$1"
  shift
  for n in "$@"; do
    log "last log lines of node $n ($(node_launcher_log "$n"), $(node_log "$n")):"
    tail -n 10 "$(node_launcher_log "$n")" >&2 || true
    tail -n 20 "$(node_log "$n")" >&2 || true
  done
  exit 1
}

wait_until() {  # wait_until <what> <command...>: polls every 2s up to CLUSTER_TIMEOUT
  local what="$1" waited=0
  shift
  until "$@"; do
    ((waited >= CLUSTER_TIMEOUT)) && return 1
    sleep 2
    waited=$((waited + 2))
  done
  log "$what after ${waited}s"
}

stop_node_pid() {  # stop_node_pid N PID
  kill "$2"
  for _ in $(seq 1 60); do
    if ! kill -0 "$2" 2>/dev/null; then
      rm -f "$(node_dir "$1")/opensearch.pid"
      log "node $1 stopped"
      return 0
    fi
    sleep 1
  done
  log "node $1 (pid $2) did not stop within 60s"
  exit 1
}

start_missing_nodes() {  # launches every node that is not running, all at once: none forms a quorum alone
  local n launched=() launcher_pids=() i
  for n in $(node_numbers); do
    node_pid "$n" >/dev/null && continue
    check_ports_free "$n"
    prepare_node "$n"
    launched+=("$n")
  done
  for n in "${launched[@]}"; do
    launch_node "$n" &
    launcher_pids+=("$!")
  done
  for i in "${!launcher_pids[@]}"; do
    wait "${launcher_pids[$i]}" || fail_with_logs "node ${launched[$i]} failed to start" "${launched[$i]}"
  done
}

cluster_start() {
  check_cluster_apart
  if cluster_complete; then cluster_urls; return 0; fi
  cluster_lock
  fetch
  cluster_unpack
  start_missing_nodes
  log "waiting for cluster $CLUSTER_NAME to have $CLUSTER_NODES nodes and be green or yellow"
  wait_until "cluster $CLUSTER_NAME has $CLUSTER_NODES nodes" cluster_complete \
    || fail_with_logs "the cluster did not form within ${CLUSTER_TIMEOUT}s" 1 2 3
  cluster_urls
}

cluster_stop() {
  local n pid
  cluster_lock
  for n in $(node_numbers); do
    if pid="$(node_pid "$n")"; then stop_node_pid "$n" "$pid"; else log "node $n not running"; fi
  done
}

node_start() {
  check_node_number "${1:-}"
  check_cluster_apart
  if node_serving "$1"; then node_url "$1"; return 0; fi
  cluster_lock
  if ! node_pid "$1" >/dev/null; then
    fetch
    cluster_unpack
    check_ports_free "$1"
    prepare_node "$1"
    launch_node "$1" || fail_with_logs "node $1 failed to start" "$1"
  fi
  wait_until "node $1 has joined cluster $CLUSTER_NAME" node_serving "$1" \
    || fail_with_logs "node $1 did not join within ${CLUSTER_TIMEOUT}s (a cluster manager needs 2 of 3 nodes running)" "$1"
  node_url "$1"
}

node_stop() {
  local pid
  check_node_number "${1:-}"
  cluster_lock
  if pid="$(node_pid "$1")"; then stop_node_pid "$1" "$pid"; else log "node $1 not running"; fi
}

describe_node() {  # describe_node N: one status line to stderr; succeeds when node N serves
  local pid state="stopped"
  pid="$(node_pid "$1")" && state="running, pid $pid"
  node_serving "$1" && state="$state, serving"
  log "node $1 $(node_name "$1") $(node_url "$1") transport $(node_transport_port "$1"): $state"
  [[ "$state" == *serving ]]
}

cluster_status() {
  local n serving=()
  for n in $(node_numbers); do describe_node "$n" && serving+=("$n"); done
  if ((${#serving[@]} == 0)); then
    log "cluster $CLUSTER_NAME not running"
    exit 3
  fi
  log "cluster $CLUSTER_NAME: ${#serving[@]} of $CLUSTER_NODES nodes serving"
  curl -fsS "$(node_url "${serving[0]}")/_cluster/health?pretty" >&2
  curl -fsS "$(node_url "${serving[0]}")/_cat/nodes?v&h=name,http_address,node.role,cluster_manager,heap.max,heap.percent" >&2
  cluster_urls
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  cluster-start) cluster_start ;;
  cluster-stop) cluster_stop ;;
  cluster-status) cluster_status ;;
  node-start) node_start "${2:-}" ;;
  node-stop) node_stop "${2:-}" ;;
  *)
    echo "usage: $0 start|stop|status|cluster-start|cluster-stop|cluster-status|node-start N|node-stop N" >&2
    exit 2
    ;;
esac
