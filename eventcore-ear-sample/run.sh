#!/usr/bin/env bash
# Builds the EAR sample, starts WildFly with it, and says where to send requests. Ctrl-C stops it.
#
#   bash eventcore-ear-sample/run.sh              # on WildFly's embedded H2 database (ExampleDS)
#   bash eventcore-ear-sample/run.sh --postgres   # on PostgreSQL: SAMPLE_PG_URL, SAMPLE_PG_USER,
#                                                 # SAMPLE_PG_PASSWORD (defaults below)
set -euo pipefail
cd "$(dirname "$0")/.."

server_props=()
database="WildFly's embedded H2 database (ExampleDS, in memory)"
if [[ "${1:-}" == "--postgres" ]]; then
    url="${SAMPLE_PG_URL:-jdbc:postgresql://localhost:5432/eventcore}"
    server_props+=(
        "-Dsample.datasource=java:jboss/datasources/EventCorePostgresDS"
        "-Dsample.pg.url=$url"
        "-Dsample.pg.user=${SAMPLE_PG_USER:-eventcore}"
        "-Dsample.pg.password=${SAMPLE_PG_PASSWORD:-eventcore}")
    database="PostgreSQL at $url"
elif [[ -n "${1:-}" ]]; then
    echo "usage: bash eventcore-ear-sample/run.sh [--postgres]" >&2
    exit 2
fi

echo "Building the sample and the WildFly it runs on (the first build downloads WildFly, about 250 MB)..."
./mvnw -q -B -ntp -pl eventcore-ear-sample/sample-ear -am package -DskipTests

target=eventcore-ear-sample/sample-ear/target
home="$(ls -d "$PWD/$target"/wildfly-*/ | head -1)"
rm -f "$home"standalone/deployments/eventcore-sample.ear*
cp "$target/eventcore-sample.ear" "$home/standalone/deployments/"

JBOSS_HOME="$home" "$home/bin/standalone.sh" "${server_props[@]}" > "$target/wildfly-console.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -f "$home"standalone/deployments/eventcore-sample.ear*' INT TERM EXIT

api=http://localhost:8080/eventcore-sample/api
for _ in $(seq 1 120); do
    if grep -q 'WFLYSRV0010: Deployed "eventcore-sample.ear"' "$target/wildfly-console.log" 2>/dev/null; then
        break
    fi
    if grep -q 'WFLYCTL0013\|WFLYSRV0026' "$target/wildfly-console.log" 2>/dev/null || ! kill -0 $server 2>/dev/null; then
        echo "WildFly could not start the sample; see $target/wildfly-console.log" >&2
        exit 1
    fi
    sleep 1
done
cat <<MSG

The sample runs on WildFly with $database.
Send requests to $api as alice, bob or carol (password <name>-secret), for example:

  curl -u alice:alice-secret -H 'Content-Type: application/json' -d '{"id":"alice-1"}' $api/accounts

The server's log: $target/wildfly-console.log. Ctrl-C stops the server.
MSG
wait $server
