#!/usr/bin/env bash
# Runs EventCore's benchmark harness and pgbench side by side, interleaved case by case, against one
# PostgreSQL 15 started here (fsync and synchronous_commit on), and prints EventCore's rate as a
# share of three pgbench baselines, each in -M prepared mode:
#
#   minimal     the fewest statements that do the same job with optimistic concurrency (tables of
#               their own, no function or object of the project): PostgreSQL's limit for the job;
#   guarantees  the minimal scripts plus what EventCore adds to every append (stream locks, the
#               command id, global positions and the transaction id): what our features cost;
#   replay      the statements the JPA store sends today, replayed: only our overhead over our SQL.
#
# Each case (workload, clients) runs pgbench minimal, then EventCore, then pgbench guarantees, then
# the replay; the whole set RUNS times; the table shows the median of the runs. The harness warms up
# 10 s before each measured run and reports the JVM's CPU time per command (GC included). Every raw
# output goes to OUT (default: eventcore-bench/results/<date>-<time>).
#
#   bash eventcore-bench/pgbench/compare.sh [SECONDS] [CLIENTS] [RUNS] [OUT]   (defaults: 20 1,4,16 3)
#
# Successful operations only: a minimal or guarantees transaction whose version check fails inserts
# nothing (W1, W4) or rolls back (W2); the scripts' rates count the events the run added, not
# pgbench's transactions. Needs the built jar (./mvnw -pl eventcore-bench -am package -DskipTests),
# PostgreSQL 15's server binaries and pgbench (Debian: postgresql-15, postgresql-client-15).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/../target/eventcore-bench.jar"
seconds="${1:-20}"
clients="${2:-1,4,16}"
runs="${3:-3}"
out="${4:-$here/../results/$(date -u +%Y%m%d-%H%M%S)}"
bin="${PG_BIN:-/usr/lib/postgresql/15/bin}"
port="${PG_PORT:-55450}"
[[ -f "$jar" ]] || { echo "build the jar first: ./mvnw -pl eventcore-bench -am package -DskipTests" >&2; exit 2; }
command -v pgbench > /dev/null || { echo "pgbench is missing (Debian: postgresql-client-15)" >&2; exit 2; }
mkdir -p "$out"
out="$(cd "$out" && pwd)"

source "$here/postgres.sh"

{
    echo "compare.sh $seconds s, clients $clients, $runs runs, $(date -u +%FT%TZ)"
    echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; $("$bin/postgres" --version); $(java -version 2>&1 | head -1)"
} | tee "$out/settings.txt"

# the three pgbench databases
"${psql[@]}" -c "create database minimal" -c "create database guarantees" -c "create database replay"
"${psql[@]}" -d minimal -f "$here/minimal/setup.sql"
"${psql[@]}" -d guarantees -f "$here/guarantees/setup.sql"
unzip -p "$jar" META-INF/eventcore/schema/postgresql/roles.sql | "${psql[@]}" -d replay
unzip -p "$jar" META-INF/eventcore/schema/postgresql-create.sql | "${psql[@]}" -d replay
"${psql[@]}" -d replay -f "$here/setup.sql"
python3 "$here/w3-scripts.py" "$work"

script_of() { # baseline workload
    case "$1,$2" in
        minimal,W3 | guarantees,W3) echo "$work/$1-w3.sql" ;;
        minimal,W4 | guarantees,W4) echo "$here/$1/w1.sql" ;;
        minimal,* | guarantees,*) echo "$here/$1/$(echo "$2" | tr 'W' 'w').sql" ;;
        replay,W3) echo "$work/replay-w3.sql" ;;
        replay,W4) echo "$here/w1.sql" ;;
        replay,*) echo "$here/$(echo "$2" | tr 'W' 'w').sql" ;;
    esac
}
events_table() { case "$1" in minimal) echo mb_events ;; guarantees) echo gb_events ;; replay) echo ec_events ;; esac; }
per_op() { case "$1" in W2) echo 2 ;; W3) echo 1000 ;; *) echo 1 ;; esac; }

# pgbench BASELINE WORKLOAD CLIENTS RUN: prints "ops/s p95" of successful operations (events added / events per operation)
pgbench_case() {
    local base=$1 w=$2 c=$3 run=$4 accounts=10000 table before after raw processed tps
    [[ $w == W4 ]] && accounts=10
    table=$(events_table "$base")
    before=$("${psql[@]}" -d "$base" -At -c "select count(*) from $table")
    raw="$out/run$run-$w-c$c-$base.txt"
    pgbench -n -M prepared -h localhost -p "$port" -U postgres -c "$c" -j "$c" -T "$seconds" -r \
        --max-tries=20 -D accounts=$accounts -f "$(script_of "$base" "$w")" "$base" > "$raw" 2>&1
    after=$("${psql[@]}" -d "$base" -At -c "select count(*) from $table")
    processed=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$raw")
    tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$raw")
    python3 -c "
import sys
tps, processed, added, per = float('$tps' or 0), int('$processed' or 0), $after - $before, $(per_op "$w")
ok = added / per
print('%.1f' % (tps * ok / processed if processed else 0))"
}

# eventcore WORKLOAD CLIENTS RUN: prints "ops/s p95 cpu"
eventcore_case() {
    local w=$1 c=$2 run=$3 raw="$out/run$3-$1-c$2-eventcore.txt"
    java -jar "$jar" --jdbc-url "jdbc:postgresql://localhost:$port/postgres" --user postgres --password postgres \
        --workload "$w" --clients "$c" --duration "$seconds" --warmup 10 --json "$raw.json" > "$raw" 2>&1 ||
        { echo "EventCore $w $c failed, see $raw" >&2; tail -5 "$raw" >&2; exit 1; }
    python3 -c "
import json
r = json.load(open('$raw.json'))[0]
print(r['ops_per_s'], r['p95_ms'], r['cpu_ms_per_op'])"
}

IFS=, read -r -a counts <<< "$clients"
cases=()
for w in W1 W2 W3; do for c in "${counts[@]}"; do cases+=("$w,$c"); done; done
cases+=("W4,16")
: > "$out/figures.tsv"
for run in $(seq 1 "$runs"); do
    for case in "${cases[@]}"; do
        IFS=, read -r w c <<< "$case"
        m=$(pgbench_case minimal "$w" "$c" "$run")
        read -r e p95 cpu <<< "$(eventcore_case "$w" "$c" "$run")"
        g=$(pgbench_case guarantees "$w" "$c" "$run")
        r=$(pgbench_case replay "$w" "$c" "$run")
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$run" "$w" "$c" "$m" "$g" "$r" "$e" "$p95" "$cpu" \
            | tee -a "$out/figures.tsv"
    done
done

python3 - "$out/figures.tsv" <<'PY' | tee "$out/summary.txt"
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
cases = {}
for run, w, c, m, g, r, e, p95, cpu in rows:
    cases.setdefault((w, int(c)), []).append((float(m), float(g), float(r), float(e), p95, cpu))
def med(xs):
    return statistics.median(xs)
print()
print("Operations per second (W3: appends of 1,000 events per second), median of %d runs;"
      % max(len(v) for v in cases.values()))
print("EventCore as a share of each baseline; p95 and JVM CPU per command are EventCore's medians.")
print("%-3s %7s | %9s %9s %9s | %9s %7s %8s | %8s %10s %9s" % (
    "", "clients", "minimal", "guarant.", "replay", "EventCore", "p95 ms", "cpu ms", "/minimal", "/guarant.", "/replay"))
for (w, c), v in sorted(cases.items()):
    m, g, r, e = (med([x[i] for x in v]) for i in range(4))
    p95 = med([float(x[4]) for x in v if x[4] not in ("None", "null")] or [float("nan")])
    cpu = med([float(x[5]) for x in v if x[5] not in ("None", "null")] or [float("nan")])
    print("%-3s %7d | %9.1f %9.1f %9.1f | %9.1f %7.2f %8.3f | %8.2f %10.2f %9.2f" % (
        w, c, m, g, r, e, p95, cpu, e / m if m else 0, e / g if g else 0, e / r if r else 0))
PY
echo "raw output: $out"
