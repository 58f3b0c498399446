#!/usr/bin/env bash
# Starts or stops the Payara Server domain the Payara integration tests deploy the EAR to.
#
#   payara.sh start PAYARA_HOME DRIVER_JAR PG_PORT HTTP_PORT
#   payara.sh stop PAYARA_HOME
#
# start configures the domain once (idempotent): the PostgreSQL driver in the domain's lib/, HTTP on
# HTTP_PORT (so that it never meets WildFly's 8080), a connection pool to the tests' PostgreSQL on
# PG_PORT, and the default datasource jdbc/__default (java:comp/DefaultDataSource) on that pool.
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
    marker="$domain/.eventcore-configured"
    if [[ ! -f "$marker" ]]; then
        cp "$driver" "$domain/lib/"
        sed -i "s/port=\"8080\" protocol=\"http-listener-1\"/port=\"$http_port\" protocol=\"http-listener-1\"/" \
            "$domain/config/domain.xml"
    fi
    "$asadmin" start-domain domain1
    if [[ ! -f "$marker" ]]; then
        "$asadmin" create-jdbc-connection-pool \
            --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource \
            --steadypoolsize 0 --maxpoolsize 40 \
            --property "user=postgres:password=postgres:serverName=localhost:portNumber=$pg_port:databaseName=postgres" \
            EventCorePool
        "$asadmin" set resources.jdbc-resource.jdbc/__default.pool-name=EventCorePool
        touch "$marker"
    fi
    ;;
stop)
    "$asadmin" stop-domain domain1 || true
    ;;
*)
    echo "usage: payara.sh start|stop PAYARA_HOME ..." >&2
    exit 2
    ;;
esac
