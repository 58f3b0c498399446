#!/usr/bin/env bash
# Builds the EAR sample, starts WildFly with it, and says where to send requests. Ctrl-C (or TERM to
# this script) stops the server and removes the deployed EAR.
#
#   bash eventcore-ear-sample/run.sh              # on WildFly's embedded H2 database (ExampleDS)
#   bash eventcore-ear-sample/run.sh --postgres   # on PostgreSQL: SAMPLE_PG_URL, SAMPLE_PG_USER,
#                                                 # SAMPLE_PG_PASSWORD (defaults below)
#   ... --no-build                                # start what the last build made, without building
#
# Environment: MAVEN_ARGS is passed to the build (for example MAVEN_ARGS=-Dmaven.repo.local=/tmp/m2);
# SAMPLE_PORT_OFFSET moves every port of the server by that much (HTTP 8080 + offset, management
# 9990 + offset), when another server already uses them.
set -euo pipefail
cd "$(dirname "$0")/.."

# Started in the background of another script, this shell inherits SIGINT ignored and could not trap
# it; start again with SIGINT restored (GNU env), so that INT stops the server as Ctrl-C does.
if [[ "$(trap -p INT)" == "trap -- '' SIGINT" ]] && env --default-signal=INT true 2>/dev/null; then
    exec env --default-signal=INT bash "$0" "$@"
fi

build=true
postgres=false
for arg in "$@"; do
    case "$arg" in
    --postgres) postgres=true ;;
    --no-build) build=false ;;
    *)
        echo "usage: bash eventcore-ear-sample/run.sh [--postgres] [--no-build]" >&2
        exit 2
        ;;
    esac
done

offset="${SAMPLE_PORT_OFFSET:-0}"
if ! [[ "$offset" =~ ^[0-9]+$ ]] || ((offset > 50000)); then
    echo "SAMPLE_PORT_OFFSET is a number from 0 to 50000, was '$offset'" >&2
    exit 2
fi
server_props=("-Djboss.socket.binding.port-offset=$offset")
database="WildFly's embedded H2 database (ExampleDS, in memory)"
if [[ "$postgres" == true ]]; then
    url="${SAMPLE_PG_URL:-jdbc:postgresql://localhost:5432/eventcore}"
    server_props+=(
        "-Dsample.datasource=java:jboss/datasources/EventCorePostgresDS"
        "-Dsample.pg.url=$url"
        "-Dsample.pg.user=${SAMPLE_PG_USER:-eventcore_sample}"
        "-Dsample.pg.password=${SAMPLE_PG_PASSWORD:-sample-secret}")
    database="PostgreSQL at $url"
fi

target=eventcore-ear-sample/sample-ear/target
mkdir -p "$target"
build_log="$target/run-build.log"
build_sample() {
    echo "Building the sample and the WildFly it runs on. The first build downloads the project's"
    echo "dependencies and WildFly (about 250 MB); this takes a few minutes. The build's log: $build_log"
    local started=$SECONDS
    # Maven's own output goes to the log; the modules it builds and the large downloads are shown here.
    if ! ./mvnw -B ${MAVEN_ARGS:-} -pl eventcore-ear-sample/sample-ear -am package -DskipTests 2>&1 \
        | tee "$build_log" \
        | grep --line-buffered -E '^\[INFO\] Building .*\[[0-9]+/[0-9]+\]$|Download(ing|ed) from [^ ]+ .*\.zip|^\[ERROR\]' \
        | sed -u -E 's/^\[INFO\] Building /  building /; s/^Downloading from [^ ]+ /  downloading /; s/^Downloaded from [^ ]+ /  downloaded /'; then
        echo "The build failed; see $build_log" >&2
        exit 1
    fi
    echo "Built in $((SECONDS - started)) s."
}
if [[ "$build" == true ]]; then
    build_sample
elif [[ ! -f "$target/eventcore-sample.ear" ]]; then
    echo "--no-build: there is no $target/eventcore-sample.ear yet; run without --no-build first" >&2
    exit 2
fi

home="$(ls -d "$PWD/$target"/wildfly-*/ | head -1)"
deployments="${home}standalone/deployments"
pidfile="$target/wildfly.pid"
console="$target/wildfly-console.log"
# Two servers on one WildFly copy share its temporary files: a second one would break the first.
running="$(cat "$pidfile" 2>/dev/null || true)"
if [[ -n "$running" ]] && tr '\0' ' ' <"/proc/$running/cmdline" 2>/dev/null | grep -qF "$home"; then
    echo "A WildFly of this sample is still running (pid $running): stop it first." >&2
    exit 1
fi
rm -f "$deployments"/eventcore-sample.ear* "$pidfile"
cp "$target/eventcore-sample.ear" "$deployments/"

server=""
# Whether any of the processes is still running (kill -0 with several fails as soon as one is gone).
alive() {
    local p
    for p in "$@"; do
        if kill -0 "$p" 2>/dev/null; then
            return 0
        fi
    done
    return 1
}
# Stops WildFly's JVM (not only standalone.sh, which runs it in the background), waits for it to end,
# and removes the deployed EAR. Runs once, on Ctrl-C, TERM, HUP or any exit.
stop() {
    trap - INT TERM HUP EXIT
    set +e
    if [[ -n "$server" ]]; then
        echo
        echo "Stopping WildFly..."
        jvm="$(cat "$pidfile" 2>/dev/null)"
        kill -TERM $jvm "$server" 2>/dev/null
        for _ in $(seq 1 60); do
            if ! alive $jvm "$server"; then
                break
            fi
            sleep 0.5
        done
        if alive $jvm "$server"; then
            echo "WildFly did not stop within 30 s: killing it" >&2
            kill -KILL $jvm "$server" 2>/dev/null
            sleep 1
        fi
        wait "$server" 2>/dev/null
        echo "WildFly stopped."
    fi
    rm -f "$deployments"/eventcore-sample.ear* "$pidfile"
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM
trap 'stop; exit 129' HUP
trap stop EXIT

# The previous start's log is emptied here, before the server starts: a redirection of the background
# process would empty it only once that process runs, and the wait below could meet the previous
# start's "started" line in the meantime.
: >"$console"
# LAUNCH_JBOSS_IN_BACKGROUND makes standalone.sh pass TERM on to the JVM and write the JVM's pid to
# JBOSS_PIDFILE; a program started in the background of a script ignores Ctrl-C's SIGINT, so stop()
# sends TERM to the JVM itself.
LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$PWD/$pidfile" JBOSS_HOME="$home" \
    "$home/bin/standalone.sh" "${server_props[@]}" >>"$console" 2>&1 &
server=$!

echo "Starting WildFly with the sample on $database..."
api=http://localhost:$((8080 + offset))/eventcore-sample/api
deployed=false
# The deployment runs as part of the server's boot: wait for its end (WFLYSRV0025 started, WFLYSRV0026
# started with errors), then the EAR counts as deployed only if nothing failed.
for _ in $(seq 1 180); do
    if grep -aq 'WFLYSRV0025\|WFLYSRV0026' "$console" 2>/dev/null || ! kill -0 "$server" 2>/dev/null; then
        break
    fi
    sleep 1
done
if ! grep -aq 'WFLYSRV0026\|WFLYCTL0013\|WFLYCTL0186' "$console" 2>/dev/null \
    && grep -aq 'WFLYSRV0010: Deployed "eventcore-sample.ear"' "$console" 2>/dev/null; then
    deployed=true
fi
if [[ "$deployed" != true ]]; then
    echo "WildFly could not start the sample; see $console. What the sample said:" >&2
    grep -a -o 'The sample cannot start: .*' "$console" | head -3 >&2 || true
    echo "The end of the log:" >&2
    tail -20 "$console" >&2
    exit 1
fi
cat <<MSG

The sample runs on WildFly with $database.
Send requests to $api as alice, bob or carol (password <name>-secret), for example:

  curl -u alice:alice-secret -H 'Content-Type: application/json' -d '{"id":"alice-1"}' $api/accounts

The EventCore console (the log, streams, events, commands, projections) is at
  http://localhost:$((8080 + offset))/eventcore-sample/eventcore-console/index.html
log in as dora (dora-secret, operator: may pause, resume and rebuild) or vera (vera-secret, viewer).

The server's log: $console. Ctrl-C stops the server.
MSG
wait "$server"
