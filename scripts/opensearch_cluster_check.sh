#!/usr/bin/env bash
# Proves the three-node cluster of scripts/opensearch.sh on loopback, step by step with timings:
# start the cluster, create an index with 1 shard and 2 replicas, index and search on every node,
# stop one node, keep searching and writing through the other two (cluster yellow), start the
# node again, wait for green, check that its copy caught up, report memory, stop the cluster.
#
#   scripts/opensearch_cluster_check.sh [--stop-node N|primary] [--keep]
#
#   --stop-node N        the node to stop and restart (default 2)
#   --stop-node primary  the node that holds the primary shard, so a replica must take over
#   --keep               leave the cluster running at the end
#
# A cluster that was already running before the check is left running. The test index is
# cluster-check-<pid> and is deleted at the end. Exit status 0 only when every step passed.
# Needs curl and jq. The single node on 127.0.0.1:9200 is never touched.
set -euo pipefail

OPENSEARCH_SH="$(dirname "$(readlink -f "$0")")/opensearch.sh"
INDEX="cluster-check-$$"
STOP_NODE=2
KEEP=false
WAS_RUNNING=false
STOPPED_NODE=""
CLUSTER_STOPPED=false
STEP=0
STEP_NAME=""
STEP_STARTED=""
CHECK_STARTED=""
NODE_URLS=()

usage() { echo "usage: $0 [--stop-node N|primary] [--keep]" >&2; exit 2; }

while (($#)); do
  case "$1" in
    --stop-node) STOP_NODE="${2:-}"; shift 2 || usage ;;
    --keep) KEEP=true; shift ;;
    *) usage ;;
  esac
done
[[ "$STOP_NODE" =~ ^([123]|primary)$ ]] || usage

now() { date +%s.%N; }
seconds_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
# fd 3 is the report: functions whose stdout is captured still print their lines there
exec 3>&1
say() { echo "    $*" >&3; }
fail() { echo "    FAILED: $*" >&3; exit 1; }

step() {  # step <description>: opens a numbered step
  STEP=$((STEP + 1))
  STEP_NAME="$1"
  STEP_STARTED="$(now)"
  echo "[$STEP] $1" >&3
}

step_ok() { say "ok in $(seconds_since "$STEP_STARTED") s"; }

node_url() { echo "${NODE_URLS[$(($1 - 1))]}"; }

other_nodes() {  # the node numbers that keep running while STOP_NODE is down
  local n
  for n in 1 2 3; do
    if [[ "$n" != "$STOP_NODE" ]]; then echo "$n"; fi
  done
}

serving_node() {  # a node that is not stopped by the check, for cleanup and node info
  local n
  for n in 1 2 3; do
    if [[ "$n" != "$STOPPED_NODE" ]]; then echo "$n"; return; fi
  done
}

primary_node() {  # the number of the node that holds the primary shard of the test index
  local name address n
  name="$(call 1 GET "/_cat/shards/$INDEX?h=prirep,node" | awk '$1 == "p" { print $2 }')"
  address="$(call 1 GET "/_cat/nodes?h=name,http_address" | awk -v n="$name" '$1 == n { print $2 }')"
  for n in 1 2 3; do
    if [[ "$(node_url "$n")" == "http://$address" ]]; then echo "$n"; return; fi
  done
  fail "no node holds the primary of $INDEX"
}

call() {  # call <node> <method> <path> [json body]: the response body; fails on HTTP >= 300
  local url response code body
  url="$(node_url "$1")$3"
  local args=(-sS --max-time 120 -X "$2" -w '\n%{http_code}')
  if [[ -n "${4:-}" ]]; then
    local type="application/json"
    [[ "$3" == *_bulk* ]] && type="application/x-ndjson"
    args+=(-H "Content-Type: $type" --data-binary "$4")
  fi
  response="$(curl "${args[@]}" "$url")" || { echo "no answer from $url" >&2; return 1; }
  code="${response##*$'\n'}"
  body="${response%$'\n'*}"
  if ((code >= 300)); then echo "HTTP $code from $2 $url: $body" >&2; return 1; fi
  echo "$body"
}

bulk_body() {  # bulk_body <first id> <last id>: NDJSON index actions
  local i
  for ((i = $1; i <= $2; i++)); do
    echo "{\"index\":{\"_id\":\"$i\"}}"
    echo "{\"title\":\"Praxisbeispiel $i\",\"kurzbeschreibung\":\"Sprachkurs für Zugewanderte, Nummer $i\"}"
  done
}

index_documents() {  # index_documents <node> <first id> <last id>
  local response
  response="$(call "$1" POST "/$INDEX/_bulk?refresh=wait_for" "$(bulk_body "$2" "$3")"$'\n')" || fail "bulk request"
  [[ "$(jq -r .errors <<<"$response")" == false ]] || fail "bulk errors: $response"
  say "indexed ids $2-$3 through node $1 ($(node_url "$1")): $(jq -c '[.items[].index._shards] | unique' <<<"$response") shards per document"
}

search_count() {  # search_count <node>: hits of a full-text query answered by the node's own shard copy
  local response
  response="$(call "$1" POST "/$INDEX/_search?preference=_only_local" \
    '{"query":{"match":{"kurzbeschreibung":"sprachkurs"}},"size":0,"track_total_hits":true}')" || return 1
  say "node $1 ($(node_url "$1")): $(jq .hits.total.value <<<"$response") hits, took $(jq .took <<<"$response") ms, shards $(jq -c ._shards <<<"$response")"
  jq .hits.total.value <<<"$response"
}

expect_hits() {  # expect_hits <count> <node...>
  local expected="$1" n hits
  shift
  for n in "$@"; do
    hits="$(search_count "$n")" || fail "search through node $n"
    ((hits == expected)) || fail "node $n found $hits documents, expected $expected"
  done
}

cluster_health() {  # cluster_health <node> <query>: prints status and node count, returns the JSON
  local health
  health="$(call "$1" GET "/_cluster/health/$INDEX?$2")" || fail "cluster health through node $1"
  say "health through node $1: status $(jq -r .status <<<"$health"), $(jq .number_of_nodes <<<"$health") nodes, unassigned shards $(jq .unassigned_shards <<<"$health")"
  echo "$health"
}

show_nodes() {  # show_nodes <node>
  call "$1" GET "/_cat/nodes?h=name,http_address,cluster_manager,heap.max&s=name" | sed -e '/^$/d' -e 's/^/    /'
}

show_shards() {  # show_shards <node>
  call "$1" GET "/_cat/shards/$INDEX?h=prirep,state,docs,node&s=node" | sed -e '/^$/d' -e 's/^/    /'
}

describe_role() {  # describe_role <node>: which shard copy node N holds and whether it is cluster manager
  local name copy manager
  name="$(call "$1" GET "/_nodes/_local/none" | jq -r '.nodes[].name')" || fail "node name"
  copy="$(call "$1" GET "/_cat/shards/$INDEX?h=prirep,node" | awk -v n="$name" '$2 == n { print ($1 == "p" ? "the primary" : "a replica") }')"
  manager="$(call "$1" GET "/_cat/cluster_manager?h=node")" || fail "cluster manager"
  say "node $1 ($name) holds ${copy:-no copy} of $INDEX; elected cluster manager: ${manager//[[:space:]]/}"
}

show_memory() {  # RSS from /proc for the pids the nodes report themselves, beside the heap limit
  local nodes name pid heap rss total=0
  nodes="$(call "$(serving_node)" GET "/_nodes/process,jvm")" || fail "node info"
  while read -r name pid heap; do
    rss="$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")"
    total=$((total + rss))
    printf '    %-22s pid %-7s heap max %4d MiB   RSS %4d MiB\n' "$name" "$pid" $((heap / 1048576)) $((rss / 1024))
  done < <(jq -r '.nodes[] | "\(.name) \(.process.id) \(.jvm.mem.heap_max_in_bytes)"' <<<"$nodes" | sort)
  say "RSS of all nodes: $((total / 1024)) MiB"
}

cleanup() {
  local rc=$?
  trap - EXIT
  ((rc == 0)) || echo "FAILED in step $STEP ($STEP_NAME)" >&3
  if [[ "$CLUSTER_STOPPED" == false ]] && ((${#NODE_URLS[@]})); then
    curl -sS -o /dev/null -X DELETE "$(node_url "$(serving_node)")/$INDEX" || true
    if [[ "$WAS_RUNNING" == false && "$KEEP" == false ]]; then
      "$OPENSEARCH_SH" cluster-stop || true
    elif [[ -n "$STOPPED_NODE" ]]; then  # leave a cluster that stays running complete
      "$OPENSEARCH_SH" node-start "$STOPPED_NODE" >/dev/null || true
    fi
  fi
  exit "$rc"
}

command -v jq >/dev/null || { echo "jq not found (apt-get install jq)" >&2; exit 1; }
trap cleanup EXIT
CHECK_STARTED="$(now)"
"$OPENSEARCH_SH" cluster-status >/dev/null 2>&1 && WAS_RUNNING=true

step "start the cluster (opensearch.sh cluster-start; already running: $WAS_RUNNING)"
urls="$("$OPENSEARCH_SH" cluster-start | tail -n1)" || fail "cluster-start"
IFS=, read -r -a NODE_URLS <<<"$urls"
((${#NODE_URLS[@]} == 3)) || fail "expected three URLs, got '$urls'"
say "$urls"
show_nodes 1
step_ok

step "create index $INDEX with 1 shard and 2 replicas, wait for green"
call 1 PUT "/$INDEX" '{"settings":{"number_of_shards":1,"number_of_replicas":2}}' >/dev/null \
  || fail "create index"
health="$(cluster_health 1 "wait_for_status=green&timeout=120s")"
[[ "$(jq -r .status <<<"$health")" == green ]] || fail "index did not become green"
show_shards 1
if [[ "$STOP_NODE" == primary ]]; then
  STOP_NODE="$(primary_node)"
  say "node $STOP_NODE holds the primary: it is the node the check will stop"
fi
step_ok

step "index 5 documents through node 1"
index_documents 1 1 5
step_ok

step "search through every node, each answering from its own copy"
expect_hits 5 1 2 3
step_ok

step "stop node $STOP_NODE (opensearch.sh node-stop $STOP_NODE)"
describe_role "$STOP_NODE"
"$OPENSEARCH_SH" node-stop "$STOP_NODE"
STOPPED_NODE="$STOP_NODE"
if curl -s -o /dev/null --max-time 5 "$(node_url "$STOP_NODE")"; then fail "node $STOP_NODE still answers"; fi
say "node $STOP_NODE ($(node_url "$STOP_NODE")) refuses connections"
step_ok

mapfile -t SURVIVORS < <(other_nodes)
step "cluster through nodes ${SURVIVORS[*]}: 2 nodes, status yellow"
health="$(cluster_health "${SURVIVORS[0]}" "wait_for_nodes=2&wait_for_status=yellow&timeout=120s")"
[[ "$(jq .number_of_nodes <<<"$health")" == 2 ]] || fail "expected 2 nodes"
[[ "$(jq -r .status <<<"$health")" == yellow ]] || fail "expected yellow (one replica has no node)"
show_nodes "${SURVIVORS[0]}"
step_ok

step "search through nodes ${SURVIVORS[*]} while node $STOP_NODE is down"
expect_hits 5 "${SURVIVORS[@]}"
step_ok

step "write 3 more documents through node ${SURVIVORS[1]} while node $STOP_NODE is down"
index_documents "${SURVIVORS[1]}" 6 8
expect_hits 8 "${SURVIVORS[@]}"
step_ok

step "start node $STOP_NODE again (opensearch.sh node-start $STOP_NODE)"
"$OPENSEARCH_SH" node-start "$STOP_NODE" | tail -n1 | sed 's/^/    /'
STOPPED_NODE=""
step_ok

step "wait for green with 3 nodes"
health="$(cluster_health "$STOP_NODE" "wait_for_nodes=3&wait_for_status=green&timeout=180s")"
[[ "$(jq -r .status <<<"$health")" == green ]] || fail "index did not become green again"
show_shards "$STOP_NODE"
step_ok

step "search through every node: node $STOP_NODE's copy has caught up with the writes it missed"
expect_hits 8 1 2 3
step_ok

step "memory of the three nodes"
show_memory
step_ok

step "delete $INDEX and stop the cluster"
call 1 DELETE "/$INDEX" >/dev/null || fail "delete index"
if [[ "$WAS_RUNNING" == true || "$KEEP" == true ]]; then
  say "leaving the cluster running ($([[ "$KEEP" == true ]] && echo "--keep" || echo "it ran before the check"))"
else
  "$OPENSEARCH_SH" cluster-stop
fi
CLUSTER_STOPPED=true
step_ok

echo "cluster check passed: $STEP steps in $(seconds_since "$CHECK_STARTED") s"
