#!/usr/bin/env bash
# Stop the test services start.sh started and delete their throwaway folder.
# Safe to run twice, and after a start that failed halfway.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/common.sh"

if [ ! -f "$STATE_DIR/root" ]; then
    rm -f "$STATE_DIR/env" "$STATE_DIR/ports"
    log "no test services to stop"
    exit 0
fi
ROOT="$(cat "$STATE_DIR/root")"
case "$ROOT" in
    /tmp/vrijhaven-services.*) ;;
    *) die "refusing to clean $ROOT named in $STATE_DIR/root: not a folder start.sh makes" ;;
esac

# stop_pid NAME PIDFILE SIGNAL: signal the process, wait up to 30 s, then kill it.
# Fails if the process survives even SIGKILL.
stop_pid() {
    local name="$1" pidfile="$2" signal="$3" pid
    [ -f "$pidfile" ] || return 0
    pid="$(head -n1 "$pidfile")"
    [[ "$pid" =~ ^[0-9]+$ ]] || return 0
    kill -0 "$pid" 2>/dev/null || return 0
    kill "-$signal" "$pid" 2>/dev/null || true
    for _ in $(seq 1 300); do
        kill -0 "$pid" 2>/dev/null || { log "stopped $name (pid $pid)"; return 0; }
        sleep 0.1
    done
    log "$name (pid $pid) ignored SIG$signal for 30 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.5
    if kill -0 "$pid" 2>/dev/null; then log "$name (pid $pid) survived SIGKILL"; return 1; fi
}

# All at once: the slow JVM shutdowns overlap the others.
# PostgreSQL: SIGINT is its "fast" shutdown (disconnect clients, no waiting for them).
jobs=()
for dir in $(es_node_dirs "$ROOT"); do
    stop_pid "Elasticsearch ${dir##*/}" "$dir/elasticsearch.pid" TERM & jobs+=($!)
done
stop_pid PostgreSQL "$ROOT/postgres/data/postmaster.pid" INT & jobs+=($!)
stop_pid Redis "$ROOT/redis/redis.pid" TERM & jobs+=($!)
failures=0
for job in "${jobs[@]}"; do wait "$job" || failures=$((failures + 1)); done
[ "$failures" -eq 0 ] || die "could not stop every service; $ROOT kept for inspection"

# PostgreSQL's backends and Elasticsearch's helpers end with their parent; make sure.
owner="$(id -un)"
[ "$(id -u)" -ne 0 ] || owner="$SERVICE_USER"
if id -u "$owner" >/dev/null 2>&1; then
    remaining="$(pgrep -u "$owner" -f -- "$ROOT" | tr '\n' ' ' || true)"
    [ -z "$remaining" ] || die "processes using $ROOT still running after stop: $remaining"
fi

rm -rf "$ROOT"
rm -f "$STATE_DIR/root" "$STATE_DIR/env" "$STATE_DIR/ports"
log "removed $ROOT"
