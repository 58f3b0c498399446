#!/usr/bin/env bash
# Runs the benchmark harness and pgbench side by side against one PostgreSQL 15 started here (fsync
# and synchronous_commit on), with the same workloads, clients and duration, and prints the ratio of
# the harness to pgbench for each.
#
#   bash eventcore-bench/pgbench/compare.sh [SECONDS] [CLIENTS]      (defaults: 20 and 1,4,16)
#
# Needs the built jar (./mvnw -pl eventcore-bench -am package -DskipTests), and PostgreSQL 15's
# server binaries and pgbench (Debian: postgresql-15, postgresql-client-15).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/../target/eventcore-bench.jar"
seconds="${1:-20}"
clients="${2:-1,4,16}"
bin="${PG_BIN:-/usr/lib/postgresql/15/bin}"
port="${PG_PORT:-55450}"
[[ -f "$jar" ]] || { echo "build the jar first: ./mvnw -pl eventcore-bench -am package -DskipTests" >&2; exit 2; }
command -v pgbench > /dev/null || { echo "pgbench is missing (Debian: postgresql-client-15)" >&2; exit 2; }

work="$(mktemp -d)"
as_pg=()
if [[ $(id -u) == 0 ]]; then
    chown postgres "$work"
    as_pg=(runuser -u postgres --)
fi
data="$work/data"
"${as_pg[@]}" "$bin/initdb" -D "$data" -U postgres --auth=trust > "$work/initdb.log"
"${as_pg[@]}" "$bin/pg_ctl" -D "$data" -l "$work/server.log" -w \
    -o "-p $port -c fsync=on -c synchronous_commit=on -c max_connections=100 -c shared_buffers=256MB -k $work" start \
    > /dev/null
trap '"${as_pg[@]}" "$bin/pg_ctl" -D "$data" -m fast stop > /dev/null; rm -rf "$work"' EXIT
psql=(psql -q -h localhost -p "$port" -U postgres -v ON_ERROR_STOP=1)

echo "== EventCore harness (executor, JpaEventStore, Hibernate, Agroal) =="
java -jar "$jar" --jdbc-url "jdbc:postgresql://localhost:$port/postgres" --user postgres --password postgres \
    --workload W1,W2,W3 --clients "$clients" --duration "$seconds" --json "$work/harness.json" | grep -v '^  \['
java -jar "$jar" --jdbc-url "jdbc:postgresql://localhost:$port/postgres" --user postgres --password postgres \
    --workload W4 --clients 16 --duration "$seconds" --json "$work/harness-w4.json" | grep -v '^  \['

echo "== pgbench, the same SQL statements straight against PostgreSQL =="
"${psql[@]}" -c "create database pgbench_side"
unzip -p "$jar" META-INF/eventcore/schema/postgresql/roles.sql | "${psql[@]}" -d pgbench_side
unzip -p "$jar" META-INF/eventcore/schema/postgresql-create.sql | "${psql[@]}" -d pgbench_side
"${psql[@]}" -d pgbench_side -f "$here/setup.sql"
declare -A tps
run_pgbench() { # workload clients: W4 is W1's script on 10 hot accounts
    local out script accounts=10000
    script="$here/$(echo "$1" | tr 'W' 'w').sql"
    if [[ "$1" == W4 ]]; then script="$here/w1.sql"; accounts=10; fi
    out=$(pgbench -n -M simple -h localhost -p "$port" -U postgres -c "$2" -j "$2" -T "$seconds" \
        -D accounts=$accounts -f "$script" pgbench_side 2>&1)
    tps[$1,$2]=$(echo "$out" | sed -n 's/^tps = \([0-9.]*\) .*/\1/p')
    echo "pgbench $1 clients=$2: ${tps[$1,$2]} tps $(echo "$out" | grep -E 'latency average' || true)"
}
IFS=, read -r -a counts <<< "$clients"
for w in W1 W2 W3; do for c in "${counts[@]}"; do run_pgbench "$w" "$c"; done; done
run_pgbench W4 16

echo
echo "== ratio: EventCore / pgbench (operations per second) =="
printf '%-4s %8s %14s %14s %8s\n' workload clients eventcore pgbench ratio
python3 - "$work/harness.json" "$work/harness-w4.json" <<PY
import json, sys
tps = {$(for k in "${!tps[@]}"; do printf '"%s": %s, ' "$k" "${tps[$k]:-0}"; done)}
for f in sys.argv[1:]:
    for r in json.load(open(f)):
        key = "%s,%d" % (r["workload"], r["clients"])
        pg = tps.get(key)
        if pg:
            print("%-8s %7d %14.1f %14.1f %7.0f%%" % (r["workload"], r["clients"], r["ops_per_s"], pg, 100 * r["ops_per_s"] / pg))
PY
