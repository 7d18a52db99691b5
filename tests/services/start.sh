#!/usr/bin/env bash
# Start throwaway PostgreSQL, Redis and Elasticsearch for the integration tests: data in a
# fresh folder under /tmp, listening on 127.0.0.1 only, on free non-default ports. Waits
# until each answers, then writes var/test-services/env (KEY=value lines) for the tests.
# Any failure prints the failing service's log tail, stops what did start, and exits 1.
#
# VRIJHAVEN_ES_NODES=3 starts a three-node Elasticsearch cluster instead of a single node
# (ELASTICSEARCH_URL then lists every node, comma-separated); VRIJHAVEN_REDIS_APPENDONLY=yes
# gives Redis an append-only file; VRIJHAVEN_TEST_SERVICES_STATE keeps a second set apart
# (`make test-cluster` does all three). tests/services/control.sh kills and restarts them.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/common.sh"

PG_TIMEOUT=60
REDIS_TIMEOUT=30
ES_TIMEOUT=240   # two shared cores: the JVM alone can take half a minute, three of them longer

started_at=$(date +%s)
[ -f "$ES_HOME/.unpacked" ] || die "Elasticsearch is not installed in $ES_HOME: run bash tests/services/install.sh"
PG_BIN="$(pg_bindir)" || die "PostgreSQL is not installed: run bash tests/services/install.sh"
if [ "$(id -u)" -eq 0 ]; then
    id -u "$SERVICE_USER" >/dev/null 2>&1 || die "user $SERVICE_USER is missing: run bash tests/services/install.sh"
fi
[[ "$ES_NODES" =~ ^[1-9]$ ]] || die "VRIJHAVEN_ES_NODES=$ES_NODES: expected 1 to 9 nodes"
[[ "$REDIS_APPENDONLY" =~ ^(yes|no)$ ]] || die "VRIJHAVEN_REDIS_APPENDONLY=$REDIS_APPENDONLY: expected yes or no"

# --- One set of services per state folder -------------------------------------------
mkdir -p "$STATE_DIR"
if [ -f "$STATE_DIR/root" ]; then
    previous="$(cat "$STATE_DIR/root")"
    for pidfile in "$previous/postgres/data/postmaster.pid" "$previous/redis/redis.pid" "$previous"/elasticsearch*/elasticsearch.pid; do
        if [ -f "$pidfile" ] && kill -0 "$(head -n1 "$pidfile")" 2>/dev/null; then
            die "test services from $previous are still running (another make test?). Stop them with: bash tests/services/stop.sh"
        fi
    done
    log "cleaning up leftovers of an earlier run in $previous"
    bash "$HERE/stop.sh"
fi

ROOT="$(mktemp -d /tmp/vrijhaven-services.XXXXXX)"
echo "$ROOT" > "$STATE_DIR/root"
rm -f "$STATE_DIR/env"
if [ "$ES_NODES" -eq 1 ]; then
    ES_DIRS=("$ROOT/elasticsearch")
else
    ES_DIRS=()
    for node in $(seq 1 "$ES_NODES"); do ES_DIRS+=("$ROOT/elasticsearch-$node"); done
fi
mkdir -p "$ROOT/postgres" "$ROOT/redis"
for dir in "${ES_DIRS[@]}"; do mkdir -p "$dir/config" "$dir/data" "$dir/logs" "$dir/tmp"; done
chmod 755 "$ROOT"
if [ "$(id -u)" -eq 0 ]; then
    chown -R "$SERVICE_USER:" "$ROOT"
fi

failed() {
    local service="$1" logfile="$2"
    log "$service did not become healthy; last lines of $logfile:"
    tail -n 60 "$logfile" >&2 2>/dev/null || true
    exit 1
}
# Whatever fails from here on, leave nothing running and no folder behind.
on_exit() {
    local status=$?
    if [ $status -ne 0 ]; then
        log "start failed, stopping what started"
        # Let a half-started Elasticsearch finish writing its pid file, or it would outlive us.
        for launcher in ${es_launchers[@]+"${es_launchers[@]}"}; do wait "$launcher" 2>/dev/null || true; done
        bash "$HERE/stop.sh" || true
    fi
}
trap on_exit EXIT

# Free ports chosen by the kernel, all at once so they differ from each other: PostgreSQL,
# Redis, then an HTTP and a transport port per Elasticsearch node.
read -r -a PORTS < <(python3 - "$ES_NODES" <<'PY'
import socket, sys
socks = [socket.socket() for _ in range(2 + 2 * int(sys.argv[1]))]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in socks))
for s in socks:
    s.close()
PY
)
PG_PORT="${PORTS[0]}"
REDIS_PORT="${PORTS[1]}"
ES_HTTP_PORTS=()
ES_TRANSPORT_PORTS=()
for index in "${!ES_DIRS[@]}"; do
    ES_HTTP_PORTS+=("${PORTS[$((2 + 2 * index))]}")
    ES_TRANSPORT_PORTS+=("${PORTS[$((3 + 2 * index))]}")
done
cat > "$STATE_DIR/ports" <<EOF
postgres=$PG_PORT
redis=$REDIS_PORT
elasticsearch_http=${ES_HTTP_PORTS[*]}
elasticsearch_transport=${ES_TRANSPORT_PORTS[*]}
EOF

# --- Elasticsearch: launched first, in the background, because it is the slowest ------
# es_node_configure DIR NAME HTTP_PORT TRANSPORT_PORT: the node's own copy of the config.
es_node_configure() {
    local dir="$1" name="$2" http_port="$3" transport_port="$4"
    cp -R "$ES_HOME/config/." "$dir/config/"
    # The stock jvm.options writes gc.log, heap dumps and crash files into the working
    # directory (the read-only cache); send them to the throwaway logs folder instead.
    sed -i "s|file=gc.log|file=$dir/logs/gc.log|" "$dir/config/jvm.options"
    cat > "$dir/config/jvm.options.d/vrijhaven.options" <<EOF
-Xms512m
-Xmx512m
-XX:HeapDumpPath=$dir/logs
-XX:ErrorFile=$dir/logs/hs_err_pid%p.log
EOF
    cat > "$dir/config/elasticsearch.yml" <<EOF
cluster.name: vrijhaven-test
node.name: $name
network.host: 127.0.0.1
http.port: $http_port
transport.port: $transport_port
path.data: $dir/data
path.logs: $dir/logs
xpack.security.enabled: false
# Shared machines are often nearly full; a disk watermark must not make indices read-only.
cluster.routing.allocation.disk.threshold_enabled: false
# Tests clean up with wildcards.
action.destructive_requires_name: false
EOF
    if [ "$ES_NODES" -eq 1 ]; then
        # single-node discovery also means the production bootstrap checks (vm.max_map_count,
        # file descriptors) only warn: containers cannot raise vm.max_map_count.
        echo "discovery.type: single-node" >> "$dir/config/elasticsearch.yml"
    else
        # A cluster on loopback: the bootstrap checks only warn here too (no non-loopback address).
        local seeds names
        seeds="$(printf '127.0.0.1:%s,' "${ES_TRANSPORT_PORTS[@]}")"
        names="$(for n in $(seq 1 "$ES_NODES"); do printf 'vrijhaven-test-%s,' "$n"; done)"
        printf 'discovery.seed_hosts: [%s]\ncluster.initial_master_nodes: [%s]\n' "${seeds%,}" "${names%,}" \
            >> "$dir/config/elasticsearch.yml"
    fi
    if [ "$(id -u)" -eq 0 ]; then
        chown -R "$SERVICE_USER:" "$dir"
    fi
}
es_launchers=()
for index in "${!ES_DIRS[@]}"; do
    name=vrijhaven-test
    [ "$ES_NODES" -eq 1 ] || name="vrijhaven-test-$((index + 1))"
    es_node_configure "${ES_DIRS[$index]}" "$name" "${ES_HTTP_PORTS[$index]}" "${ES_TRANSPORT_PORTS[$index]}"
    es_node_launch "${ES_DIRS[$index]}" &
    es_launchers+=($!)
done

# --- PostgreSQL ------------------------------------------------------------------------
PG_DIR="$ROOT/postgres"
as_service_user "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 --no-sync >"$PG_DIR/initdb.log" 2>&1 || failed PostgreSQL "$PG_DIR/initdb.log"
# Durability is pointless for a throwaway database and costs the tests time.
cat >> "$PG_DIR/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_DIR'
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
as_service_user "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -t "$PG_TIMEOUT" start \
    >/dev/null || failed PostgreSQL "$PG_DIR/postgres.log"
"$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t "$PG_TIMEOUT" || failed PostgreSQL "$PG_DIR/postgres.log"
"$PG_BIN/psql" -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres \
    -c "CREATE ROLE vrijhaven LOGIN CREATEDB PASSWORD 'vrijhaven'" \
    -c "CREATE DATABASE vrijhaven OWNER vrijhaven" || failed PostgreSQL "$PG_DIR/postgres.log"
log "PostgreSQL ready on 127.0.0.1:$PG_PORT after $(( $(date +%s) - started_at ))s"

# --- Redis: no persistence unless asked for (an append-only file) ----------------------
REDIS_DIR="$ROOT/redis"
redis_launch "$REDIS_DIR" "$REDIS_PORT" "$REDIS_APPENDONLY" || failed Redis "$REDIS_DIR/redis.log"
# What control.sh needs to start it again after a stop.
printf '%s %s\n' "$REDIS_PORT" "$REDIS_APPENDONLY" > "$REDIS_DIR/launch"
wait_redis "$REDIS_PORT" "$REDIS_TIMEOUT" || failed Redis "$REDIS_DIR/redis.log"
log "Redis ready on 127.0.0.1:$REDIS_PORT after $(( $(date +%s) - started_at ))s"

# --- Wait for Elasticsearch -------------------------------------------------------------
# `elasticsearch -d` returns once the node has started (or failed to); then the cluster
# must have every node and reach at least yellow.
for index in "${!ES_DIRS[@]}"; do
    dir="${ES_DIRS[$index]}"
    wait "${es_launchers[$index]}" || { cat "$dir/logs/start.log" >&2; failed Elasticsearch "$dir/logs/vrijhaven-test.log"; }
done
deadline=$(( $(date +%s) + ES_TIMEOUT ))
until curl -fsS "http://127.0.0.1:${ES_HTTP_PORTS[0]}/_cluster/health?wait_for_status=yellow&wait_for_nodes=$ES_NODES&timeout=5s" >/dev/null 2>&1; do
    [ "$(date +%s)" -lt "$deadline" ] || failed Elasticsearch "${ES_DIRS[0]}/logs/vrijhaven-test.log"
    sleep 1
done
ES_URLS="$(printf 'http://127.0.0.1:%s,' "${ES_HTTP_PORTS[@]}")"
ES_URLS="${ES_URLS%,}"
log "Elasticsearch ($ES_NODES node(s)) ready on $ES_URLS after $(( $(date +%s) - started_at ))s"

cat > "$STATE_DIR/env.partial" <<EOF
DATABASE_URL=postgres://vrijhaven:vrijhaven@127.0.0.1:$PG_PORT/vrijhaven
REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0
CELERY_BROKER_URL=redis://127.0.0.1:$REDIS_PORT/1
ELASTICSEARCH_URL=$ES_URLS
EOF
mv "$STATE_DIR/env.partial" "$STATE_DIR/env"
log "all services up in $(( $(date +%s) - started_at ))s; environment in ${STATE_DIR#$REPO_ROOT/}/env"
