#!/usr/bin/env bash
# Runs a dedicated PostgreSQL cluster for Newswire with Debian's postgresql-common tools.
#
#   deploy/local/postgres.sh start|stop|status
#
# start  create the cluster on first use (tuned for tests: fsync off), start it, ensure the role
#        and database exist, print the SQLAlchemy URL on stdout (the only stdout line).
# stop   stop the cluster (fast shutdown). Data stays for the next start.
# status print "running <url>" (exit 0) or "stopped" (exit 3).
#
# Environment (defaults in brackets): PG_VERSION [newest installed], PG_CLUSTER [newswire],
# PG_PORT [54329], PG_USER [newswire], PG_PASSWORD [newswire], PG_DATABASE [newswire].
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CLUSTER="${PG_CLUSTER:-newswire}"
PORT="${PG_PORT:-54329}"
DB_USER="${PG_USER:-newswire}"
DB_PASSWORD="${PG_PASSWORD:-newswire}"
DB_NAME="${PG_DATABASE:-newswire}"
URL="postgresql+asyncpg://$DB_USER:$DB_PASSWORD@127.0.0.1:$PORT/$DB_NAME"

say() { echo "postgres.sh: $*" >&2; }
die() { say "error: $*"; exit 1; }

require_tools() {
    local missing="PostgreSQL server binaries not found; run: apt-get install -y postgresql"
    command -v pg_ctlcluster >/dev/null 2>&1 || die "$missing"
    VERSION="${PG_VERSION:-$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' 2>/dev/null | sort -n | tail -n1)}"
    [[ -n "$VERSION" && -x "/usr/lib/postgresql/$VERSION/bin/postgres" ]] || die "$missing"
}

# Debian's tools switch to the postgres user themselves; psql over the socket needs us to.
as_postgres() {
    if [[ "$(id -u)" == 0 ]]; then
        runuser -u postgres -- "$@"
    elif [[ "$(id -un)" == postgres ]]; then
        "$@"
    else
        sudo -u postgres -- "$@"
    fi
}

cluster_field() { pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" -v f="$1" '$1 == v && $2 == c { print $f }'; }

create_cluster() {
    say "creating cluster $VERSION/$CLUSTER on port $PORT"
    # Test data is disposable, so durability is traded for speed; manual start-conf keeps the
    # cluster from starting with the system's postgresql service.
    pg_createcluster "$VERSION" "$CLUSTER" --port "$PORT" --start-conf manual \
        -o fsync=off -o synchronous_commit=off \
        -o full_page_writes=off -o max_connections=200 >&2
}

wait_ready() {
    local waited=0
    until as_postgres pg_isready -q -h 127.0.0.1 -p "$PORT"; do
        ((waited < 60)) || die "cluster $VERSION/$CLUSTER not accepting connections after 60s"
        printf . >&2
        sleep 1
        waited=$((waited + 1))
    done
}

# Idempotent: creates the role and database when absent and resets the password every time.
ensure_database() {
    as_postgres psql -X -q -p "$PORT" -d postgres -v ON_ERROR_STOP=1 \
        -v user="$DB_USER" -v pw="$DB_PASSWORD" -v db="$DB_NAME" >/dev/null <<'SQL'
SELECT format('CREATE ROLE %I', :'user')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('ALTER ROLE %I LOGIN CREATEDB PASSWORD %L', :'user', :'pw') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'user')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SQL
}

start_cluster() {
    require_tools
    mkdir -p "$HERE/.run"
    exec 9>"$HERE/.run/postgres-$PORT.lock"
    flock 9
    [[ -n "$(cluster_field 2)" ]] || create_cluster
    local port
    port="$(cluster_field 3)"
    [[ "$port" == "$PORT" ]] || die "cluster $VERSION/$CLUSTER exists on port $port, not $PORT; set PG_PORT=$port"
    if [[ "$(cluster_field 4)" == online ]]; then
        say "cluster $VERSION/$CLUSTER already running"
    else
        say "starting cluster $VERSION/$CLUSTER"
        # The server must not inherit our lock or our caller's pipes.
        pg_ctlcluster "$VERSION" "$CLUSTER" start </dev/null >&2 9>&-
    fi
    wait_ready
    ensure_database
    echo "$URL"
}

stop_cluster() {
    require_tools
    if [[ "$(cluster_field 4)" != online ]]; then
        say "not running"
        return 0
    fi
    pg_ctlcluster "$VERSION" "$CLUSTER" stop -m fast >&2
    say "stopped cluster $VERSION/$CLUSTER"
}

status_cluster() {
    require_tools
    if [[ "$(cluster_field 4)" == online ]]; then
        echo "running $URL"
        return 0
    fi
    echo "stopped"
    return 3
}

case "${1:-}" in
start) start_cluster ;;
stop) stop_cluster ;;
status) status_cluster ;;
*)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
