#!/usr/bin/env bash
# Starts or stops the Payara Server domain the Payara integration tests deploy the EAR to.
#
#   payara.sh start PAYARA_HOME DRIVER_JAR PG_PORT HTTP_PORT
#   payara.sh stop PAYARA_HOME
#
# start configures the domain, every time (idempotent): the PostgreSQL driver in the domain's lib/, HTTP
# on HTTP_PORT (so that it never meets WildFly's 8080), a connection pool to the tests' PostgreSQL on
# PG_PORT, database eventcore, as the application's login role eventcore_sample (see the sample's page),
# and the default datasource jdbc/__default (java:comp/DefaultDataSource) on that pool.
set -euo pipefail
command="$1"
home="$2"
asadmin="$home/bin/asadmin"
domain="$home/glassfish/domains/domain1"

case "$command" in
start)
    driver="$3"
    pg_port="$4"
    http_port="$5"
    # every step checks the domain itself rather than a marker of earlier runs: a copy unpacked again
    # over a configured one has the shipped domain.xml back
    cp "$driver" "$domain/lib/postgresql.jar"
    "$asadmin" start-domain domain1
    # the HTTP listener's port, set through the running server (it moves the listener at once)
    "$asadmin" set "configs.config.server-config.network-config.network-listeners.network-listener.http-listener-1.port=$http_port"
    if ! "$asadmin" list-jdbc-connection-pools | grep -qx EventCorePool; then
        "$asadmin" create-jdbc-connection-pool \
            --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource \
            --steadypoolsize 0 --maxpoolsize 40 \
            --property "user=eventcore_sample:password=sample-secret:serverName=localhost:portNumber=$pg_port:databaseName=eventcore" \
            EventCorePool
    fi
    # the pool's settings, every time: a domain configured by an earlier build may hold other ones
    pool=resources.jdbc-connection-pool.EventCorePool.property
    "$asadmin" set "$pool.user=eventcore_sample" "$pool.password=sample-secret" "$pool.portNumber=$pg_port" \
        "$pool.databaseName=eventcore" "$pool.serverName=localhost"
    "$asadmin" set resources.jdbc-resource.jdbc/__default.pool-name=EventCorePool
    ;;
stop)
    "$asadmin" stop-domain domain1 || true
    ;;
*)
    echo "usage: payara.sh start|stop PAYARA_HOME ..." >&2
    exit 2
    ;;
esac
