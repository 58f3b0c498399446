#!/usr/bin/env bash
# Configures the WildFly copy the build unpacked, offline, with configure.cli. Run by the build at every
# `package`, so it must be safe to run again on a copy in any state:
#   - configured before: nothing changes but the driver jar, refreshed in place;
#   - a fresh or reset copy (standalone.xml as shipped): the whole configuration is written;
#   - a reset standalone.xml beside a PostgreSQL module left from before: the module is kept (its jar
#     refreshed) and only the configuration is written, since `module add` refuses an existing module.
#
#   configure-wildfly.sh WILDFLY_HOME DRIVER_JAR
set -euo pipefail
home="$1"
driver="$2"
here="$(cd "$(dirname "$0")" && pwd)"
module="$home/modules/org/postgresql/main"

if [[ -f "$module/module.xml" ]]; then
    cp "$driver" "$module/postgresql.jar"
    add_module=false
else
    add_module=true
fi
JBOSS_HOME="$home" "$home/bin/jboss-cli.sh" --file="$here/configure.cli" \
    -Ddriver.jar="$driver" -Deventcore.add.module="$add_module"

# standalone-observed.xml: the same configuration with MicroProfile Health and Telemetry added
# (observe.cli), for the observability tests; standalone.xml itself has neither, and every other test
# runs there. Made again from standalone.xml at every build.
cp "$home/standalone/configuration/standalone.xml" "$home/standalone/configuration/standalone-observed.xml"
JBOSS_HOME="$home" "$home/bin/jboss-cli.sh" --file="$here/observe.cli"
