#!/usr/bin/env bash
# Starts or stops the Payara Server domain the Payara integration tests deploy the EAR to.
#
#   payara.sh start PAYARA_HOME DRIVER_JAR PG_PORT PORT_BASE DOMAIN OTLP_PORT
#   payara.sh stop PAYARA_HOME DOMAIN ADMIN_PORT
#
# start uses a domain of its own, DOMAIN, with every port above PORT_BASE (admin PORT_BASE+48, HTTP
# PORT_BASE+80, ...; the tests choose a base whose ports are free, so that a developer's own Payara on
# 4848 or WildFly on 8080 never meets them). It creates the domain again when it is missing or was
# created with another base (the base is recorded in the domain's folder), then configures it every
# time (idempotent): the PostgreSQL driver in the domain's lib/, a connection pool to the tests'
# PostgreSQL on PG_PORT, database eventcore, as the application's login role eventcore_sample (see the
# sample's page), and the default datasource jdbc/__default (java:comp/DefaultDataSource) on that pool;
# and MicroProfile Telemetry switched on by system properties (MicroProfile Config), exporting traces and
# metrics over OTLP/HTTP to the tests' receiver on OTLP_PORT (ObservabilityIT).
set -euo pipefail
command="$1"
home="$2"
asadmin="$home/bin/asadmin"

case "$command" in
start)
    driver="$3"
    pg_port="$4"
    base="$5"
    name="$6"
    otlp_port="$7"
    domain="$home/glassfish/domains/$name"
    admin=$((base + 48))
    if [[ "$(cat "$domain/.eventcore-portbase" 2>/dev/null || true)" != "$base" ]]; then
        "$asadmin" delete-domain "$name" >/dev/null 2>&1 || true
        "$asadmin" create-domain --nopassword=true --portbase "$base" "$name"
        echo "$base" >"$domain/.eventcore-portbase"
    fi
    cp "$driver" "$domain/lib/postgresql.jar"
    "$asadmin" start-domain "$name"
    as() { "$asadmin" --port "$admin" "$@"; }
    if ! as list-jdbc-connection-pools | grep -qx EventCorePool; then
        as create-jdbc-connection-pool \
            --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource \
            --steadypoolsize 0 --maxpoolsize 40 \
            --property "user=eventcore_sample:password=sample-secret:serverName=localhost:portNumber=$pg_port:databaseName=eventcore" \
            EventCorePool
    fi
    # the pool's settings, every time: the PostgreSQL of an earlier run had another port
    pool=resources.jdbc-connection-pool.EventCorePool.property
    as set "$pool.user=eventcore_sample" "$pool.password=sample-secret" "$pool.portNumber=$pg_port" \
        "$pool.databaseName=eventcore" "$pool.serverName=localhost"
    # PostgreSQL bounds every statement itself (the store's 10 s): the store arms no JDBC timer per statement
    as set "$pool.options=-c statement_timeout=10s"
    as set resources.jdbc-resource.jdbc/__default.pool-name=EventCorePool
    # MicroProfile Telemetry's settings, set every time (colons escaped for asadmin). Payara's
    # OpenTelemetry reads them when the server starts, so a changed endpoint restarts the domain (the
    # tests keep the receiver's port with the port base: a restart only when the domain is new).
    endpoint="http://localhost:$otlp_port"
    before="$(cat "$domain/.eventcore-otlp" 2>/dev/null || true)"
    as create-system-properties "otel.sdk.disabled=false:otel.service.name=eventcore-sample:otel.exporter.otlp.protocol=http/protobuf:otel.exporter.otlp.endpoint=http\\://localhost\\:$otlp_port:otel.bsp.schedule.delay=200:otel.metrics.exporter=otlp:otel.metric.export.interval=1000:otel.logs.exporter=none"
    if [[ "$before" != "$endpoint" ]]; then
        "$asadmin" restart-domain "$name"
        echo "$endpoint" >"$domain/.eventcore-otlp"
    fi
    ;;
stop)
    name="$3"
    admin="$4"
    "$asadmin" --port "$admin" stop-domain "$name" || true
    ;;
*)
    echo "usage: payara.sh start|stop PAYARA_HOME ..." >&2
    exit 2
    ;;
esac
