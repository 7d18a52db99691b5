#!/usr/bin/env bash
# Faults on demand for the cluster tests: stop or start one Elasticsearch node, or Redis, of
# the set start.sh started (the state folder, VRIJHAVEN_TEST_SERVICES_STATE, says which).
#
#   control.sh es-stop N KILL|TERM   node N (1-based) killed, or shut down gracefully; waits until gone
#   control.sh es-start N            node N started again on its own data; returns once it runs
#   control.sh redis-stop KILL|TERM  Redis killed, or shut down (with an append-only file it saves first)
#   control.sh redis-start           Redis started again on the same port and folder; waits for PING
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/common.sh"

[ -f "$STATE_DIR/root" ] || die "no test services running for $STATE_DIR"
ROOT="$(cat "$STATE_DIR/root")"

# stop_and_wait PIDFILE SIGNAL: signal the process and wait (60 s at most) until it is gone.
stop_and_wait() {
    local pidfile="$1" signal="$2" pid
    [ -f "$pidfile" ] || die "$pidfile missing: not running?"
    pid="$(head -n1 "$pidfile")"
    kill "-$signal" "$pid"
    for _ in $(seq 1 600); do
        kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; return 0; }
        sleep 0.1
    done
    die "pid $pid still running 60 s after SIG$signal"
}

node_dir() {
    local dir="$ROOT/elasticsearch-$1"
    [ -d "$dir" ] || die "no Elasticsearch node $1 in $ROOT"
    echo "$dir"
}

case "${1:-}" in
    es-stop)
        dir="$(node_dir "${2:?node number}")"
        stop_and_wait "$dir/elasticsearch.pid" "${3:?KILL or TERM}"
        log "Elasticsearch node $2 stopped (SIG$3)"
        ;;
    es-start)
        dir="$(node_dir "${2:?node number}")"
        es_node_launch "$dir" || { cat "$dir/logs/start.log" >&2; die "node $2 did not start"; }
        log "Elasticsearch node $2 started"
        ;;
    redis-stop)
        stop_and_wait "$ROOT/redis/redis.pid" "${2:?KILL or TERM}"
        log "Redis stopped (SIG$2)"
        ;;
    redis-start)
        read -r port appendonly < "$ROOT/redis/launch"
        redis_launch "$ROOT/redis" "$port" "$appendonly"
        wait_redis "$port" 30 || die "Redis did not answer after restart"
        log "Redis started again on 127.0.0.1:$port"
        ;;
    *)
        die "usage: control.sh es-stop N KILL|TERM | es-start N | redis-stop KILL|TERM | redis-start"
        ;;
esac
