#!/usr/bin/env bash
# An S3-compatible object store on loopback for the media tests and local trials: S3Proxy
# (Apache 2.0, from Maven Central) with its filesystem backend, on JDK 17.
#
#   scripts/s3proxy.sh start    # fetch (cached), start, wait; the endpoint URL on the last line
#   scripts/s3proxy.sh stop
#   scripts/s3proxy.sh status   # the endpoint URL on the last line when it runs
#
# 127.0.0.1:${S3PROXY_PORT:-9500}, data and log in ${S3PROXY_DIR:-/var/tmp/praxisnetz-s3proxy}.
# The access key is "praxisnetz" and the secret "lokal-nur-zum-testen": the store listens on
# loopback only and holds test data. Log lines go to stderr; only the URL goes to stdout.
set -euo pipefail

VERSION="${S3PROXY_VERSION:-2.6.0}"
PORT="${S3PROXY_PORT:-9500}"
URL="http://127.0.0.1:$PORT"
BASE="${S3PROXY_DIR:-/var/tmp/praxisnetz-s3proxy}"
CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/praxisnetz/s3proxy-$VERSION"
JAR="$CACHE_DIR/s3proxy-$VERSION-jar-with-dependencies.jar"
PID_FILE="$BASE/s3proxy.pid"
LOG_FILE="$BASE/s3proxy.log"
ACCESS_KEY=praxisnetz
SECRET_KEY=lokal-nur-zum-testen

log() { echo "s3proxy.sh: $*" >&2; }

fetch() {
  [ -f "$JAR" ] && return 0
  command -v mvn >/dev/null || { log "mvn not found (apt-get install maven)"; exit 1; }
  log "fetching org.gaul:s3proxy:$VERSION from Maven Central"
  mkdir -p "$CACHE_DIR"
  mvn -q -B -Dstyle.color=never dependency:copy \
    -Dartifact="org.gaul:s3proxy:$VERSION:jar:jar-with-dependencies" \
    -DoutputDirectory="$CACHE_DIR" >&2 || { log "download failed"; exit 1; }
}

running() {
  [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null
}

answering() {  # any HTTP answer will do: without credentials S3 says 403
  curl -s -o /dev/null -m 2 "$URL/"
}

write_config() {
  mkdir -p "$BASE/data"
  cat >"$BASE/s3proxy.conf" <<EOF
s3proxy.endpoint=$URL
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$ACCESS_KEY
s3proxy.credential=$SECRET_KEY
jclouds.provider=filesystem
jclouds.filesystem.basedir=$BASE/data
EOF
}

start() {
  if running && answering; then echo "$URL"; return 0; fi
  fetch
  write_config
  log "starting S3Proxy $VERSION on $URL (log: $LOG_FILE)"
  nohup java -Xmx192m -jar "$JAR" --properties "$BASE/s3proxy.conf" >"$LOG_FILE" 2>&1 &
  echo $! >"$PID_FILE"
  for _ in $(seq 1 60); do
    if answering; then echo "$URL"; return 0; fi
    running || { tail -n 20 "$LOG_FILE" >&2; log "S3Proxy exited"; exit 1; }
    sleep 1
  done
  log "S3Proxy did not answer within 60 s"; tail -n 20 "$LOG_FILE" >&2; exit 1
}

stop() {
  if running; then kill "$(cat "$PID_FILE")"; log "stopped"; fi
  rm -f "$PID_FILE"
}

status() {
  if running && answering; then log "running on $URL"; echo "$URL"; else log "not running"; exit 1; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "Aufruf: scripts/s3proxy.sh start|stop|status" >&2; exit 2 ;;
esac
