#!/usr/bin/env bash
# Start, stop or inspect a single-node OpenSearch for development and CI.
#
#   scripts/opensearch.sh start    # fetch (cached), unpack, start, wait for health; URL on the last line
#   scripts/opensearch.sh stop
#   scripts/opensearch.sh status
#
# OpenSearch comes from Maven Central as the integ-test-zip distribution, which ships only the
# transport module. The modules the project needs (analysis-common for the German analysis,
# lang-painless for the comparability script) are assembled from their Maven Central jars.
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
RUN_USER="opensearch"
TIMEOUT="${OPENSEARCH_START_TIMEOUT:-120}"

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

install_modules() {
  local mod="$HOME_DIR/modules"
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

unpack() {
  [[ -x "$HOME_DIR/bin/opensearch" ]] && return 0
  log "unpacking into $RUNTIME_DIR"
  mkdir -p "$RUNTIME_DIR"
  if command -v unzip >/dev/null; then
    (cd "$RUNTIME_DIR" && unzip -q -o "$CACHE_DIR/opensearch-$VERSION.zip")
  else  # Python's zipfile drops the executable bits
    python3 -m zipfile -e "$CACHE_DIR/opensearch-$VERSION.zip" "$RUNTIME_DIR"
    chmod +x "$HOME_DIR"/bin/*
  fi
  install_modules
  cat >>"$HOME_DIR/config/opensearch.yml" <<EOF
cluster.name: praxisnetz
node.name: praxisnetz-1
network.host: $HOST
http.port: $PORT
discovery.type: single-node
path.data: $RUNTIME_DIR/data
path.logs: $RUNTIME_DIR/logs
action.destructive_requires_name: false
cluster.routing.allocation.disk.threshold_enabled: false
EOF
}

ensure_user() {
  [[ "$(id -u)" != 0 ]] && return 0
  if ! id "$RUN_USER" >/dev/null 2>&1; then
    log "creating system user $RUN_USER"
    useradd --system --no-create-home --shell /usr/sbin/nologin "$RUN_USER"
  fi
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

launch() {
  mkdir -p "$RUNTIME_DIR/logs"
  local env=(env "OPENSEARCH_JAVA_HOME=$(java_home)" "OPENSEARCH_JAVA_OPTS=-Xms$HEAP -Xmx$HEAP"
    "OPENSEARCH_PATH_CONF=$HOME_DIR/config")
  local cmd=("$HOME_DIR/bin/opensearch" -d -p "$PID_FILE")
  if [[ "$(id -u)" == 0 ]]; then
    runuser -u "$RUN_USER" -- "${env[@]}" "${cmd[@]}" >>"$LOG_FILE" 2>&1
  else
    "${env[@]}" "${cmd[@]}" >>"$LOG_FILE" 2>&1
  fi
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

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
