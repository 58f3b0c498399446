#!/usr/bin/env bash
# A tag-conditioned append beside a stream append: EventCore's W5 (a deposit whose boundary is a tag query)
# and W1 (the same deposit with the account's stream for its boundary), and pgbench running the fewest
# statements that do W5's job with the same guarantees (minimal/w5.sql: a read with its snapshot, one
# advisory lock, a check against the snapshot and the inserts in one later statement). One PostgreSQL 15
# started here (fsync and synchronous_commit on); cases interleaved, RUNS times, medians printed. Raw
# outputs go to OUT (default: eventcore-bench/results/<date>-<time>-tags).
#
#   bash eventcore-bench/pgbench/tags.sh [SECONDS] [CLIENTS] [RUNS] [OUT]   (defaults: 10 1,4,16 3)
#
# Needs the built jar (./mvnw -pl eventcore-bench -am package -DskipTests), PostgreSQL 15's server
# binaries and pgbench (Debian: postgresql-15, postgresql-client-15).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/../target/eventcore-bench.jar"
seconds="${1:-10}"
clients="${2:-1,4,16}"
runs="${3:-3}"
out="${4:-$here/../results/$(date -u +%Y%m%d-%H%M%S)-tags}"
bin="${PG_BIN:-/usr/lib/postgresql/15/bin}"
port="${PG_PORT:-55451}"
[[ -f "$jar" ]] || { echo "build the jar first: ./mvnw -pl eventcore-bench -am package -DskipTests" >&2; exit 2; }
command -v pgbench > /dev/null || { echo "pgbench is missing (Debian: postgresql-client-15)" >&2; exit 2; }
mkdir -p "$out"
out="$(cd "$out" && pwd)"

source "$here/postgres.sh"
{
    echo "tags.sh $seconds s, clients $clients, $runs runs, $(date -u +%FT%TZ)"
    echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; $("$bin/postgres" --version); $(java -version 2>&1 | head -1)"
} | tee "$out/settings.txt"
"${psql[@]}" -c "create database minimal"
"${psql[@]}" -d minimal -f "$here/minimal/setup.sql"

minimal_case() { # CLIENTS RUN: successful appends per second
    local c=$1 run=$2 raw="$out/run$2-W5-c$1-minimal.txt" before after processed tps
    before=$("${psql[@]}" -d minimal -At -c "select count(*) from mb_tags")
    pgbench -n -M prepared -h localhost -p "$port" -U postgres -c "$c" -j "$c" -T "$seconds" -r \
        --max-tries=20 -D accounts=10000 -f "$here/minimal/w5.sql" minimal > "$raw" 2>&1
    after=$("${psql[@]}" -d minimal -At -c "select count(*) from mb_tags")
    processed=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$raw")
    tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$raw")
    python3 -c "
tps, processed, added = float('$tps' or 0), int('$processed' or 0), $after - $before
print('%.1f' % (tps * added / processed if processed else 0))"
}

eventcore_case() { # WORKLOAD CLIENTS RUN: ops/s p95 cpu
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
: > "$out/figures.tsv"
for run in $(seq 1 "$runs"); do
    for c in "${counts[@]}"; do
        m=$(minimal_case "$c" "$run")
        read -r t tp95 tcpu <<< "$(eventcore_case W5 "$c" "$run")"
        read -r s sp95 scpu <<< "$(eventcore_case W1 "$c" "$run")"
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$run" "$c" "$m" "$t" "$tp95" "$s" "$sp95" | tee -a "$out/figures.tsv"
    done
done

python3 - "$out/figures.tsv" <<'PY' | tee "$out/summary.txt"
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
cases = {}
for run, c, m, t, tp95, s, sp95 in rows:
    cases.setdefault(int(c), []).append((float(m), float(t), float(tp95), float(s), float(sp95)))
med = statistics.median
print()
print("Appends per second, median of %d runs" % max(len(v) for v in cases.values()))
print("%8s %14s %14s %10s %14s %10s %12s" % ("clients", "W5 minimal", "W5 EventCore", "p95 ms", "W1 EventCore",
                                            "p95 ms", "W5/minimal"))
for c in sorted(cases):
    v = cases[c]
    m, t, tp, s, sp = (med([x[i] for x in v]) for i in range(5))
    print("%8d %14.0f %14.0f %10.2f %14.0f %10.2f %12.2f" % (c, m, t, tp, s, sp, t / m if m else 0))
PY
