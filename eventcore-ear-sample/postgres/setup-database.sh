#!/usr/bin/env bash
# Sets up a PostgreSQL database for the sample, keeping the roles apart as EventCore requires:
#   - the roles eventcore_owner (owns EventCore's tables) and eventcore_app (may read and insert events);
#   - a login role for the application, a member of eventcore_app only (default eventcore_sample);
#   - a database owned by eventcore_owner (default eventcore), with EventCore's schema installed as
#     eventcore_owner, and CREATE on its schema public granted to the login, which creates and owns the
#     sample's read-model tables when it first starts.
# Safe to run again: what exists is kept, and a schema of an earlier EventCore is brought up to date.
#
# Run it from a clone of EventCore:
#     bash eventcore-ear-sample/postgres/setup-database.sh
# It talks to PostgreSQL through psql as the database administrator. On Debian or Ubuntu the
# administrator is the OS user postgres, who logs in over the local socket without a password (peer
# authentication): the script runs psql as postgres itself, through runuser when you are root and
# through sudo otherwise (so it may ask for your password). Elsewhere, name an administrator with the
# usual variables (PGHOST, PGPORT, PGUSER, PGPASSWORD): then it runs psql as you with them. The SQL goes
# to psql on its standard input, so the postgres user need not be able to read your clone.
#
# Settings (environment): SAMPLE_PG_DATABASE (eventcore), SAMPLE_PG_USER (eventcore_sample),
# SAMPLE_PG_PASSWORD (sample-secret); PGPORT and the other libpq variables select the server.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
schema="${EVENTCORE_SCHEMA_DIR:-$here/../../eventcore-jpa/src/main/resources/META-INF/eventcore/schema/postgresql}"
database="${SAMPLE_PG_DATABASE:-eventcore}"
user="${SAMPLE_PG_USER:-eventcore_sample}"
password="${SAMPLE_PG_PASSWORD:-sample-secret}"

if [[ ! -f "$schema/roles.sql" ]]; then
    echo "EventCore's schema scripts are not in $schema: run this script from a clone of EventCore, or set" >&2
    echo "EVENTCORE_SCHEMA_DIR to a folder with roles.sql and V*__*.sql (they are in eventcore-jpa's jar under" >&2
    echo "META-INF/eventcore/schema/postgresql/: unzip -j eventcore-jpa-*.jar 'META-INF/eventcore/schema/postgresql/*')" >&2
    exit 2
fi

# psql as the administrator: with PGUSER given, as this user; otherwise as the OS user postgres, from
# the root directory (which postgres may enter, unlike a private clone: psql would warn about it).
psql_admin() {
    cd /
    if [[ -n "${PGUSER:-}" || "$(id -un)" == postgres ]]; then
        psql -X -q -v ON_ERROR_STOP=1 "$@"
    elif [[ "$(id -u)" == 0 ]]; then
        runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 "$@"
    elif command -v sudo >/dev/null; then
        sudo -u postgres --preserve-env=PGPORT,PGHOST psql -X -q -v ON_ERROR_STOP=1 "$@"
    else
        echo "Run this as root, as postgres, with sudo installed, or with PGUSER naming an administrator" >&2
        exit 2
    fi
}

echo "1. the roles eventcore_owner and eventcore_app"
psql_admin -d postgres <"$schema/roles.sql"

echo "2. the login role $user, a member of eventcore_app only"
psql_admin -d postgres -v user="$user" -v password="$password" <<'SQL'
select format('create role %I login password %L in role eventcore_app', :'user', :'password')
where not exists (select 1 from pg_roles where rolname = :'user') \gexec
select format('alter role %I password %L', :'user', :'password') \gexec
SQL

echo "3. the database $database, owned by eventcore_owner"
psql_admin -d postgres -v database="$database" <<'SQL'
select format('create database %I owner eventcore_owner', :'database')
where not exists (select 1 from pg_database where datname = :'database') \gexec
SQL

# the version the database is at: ec_schema_version from version 2 on, version 1 had none
has() { [[ "$(psql_admin -d "$database" -At -c "select to_regclass('$1') is not null")" == t ]]; }
if has ec_schema_version; then
    installed=$(psql_admin -d "$database" -At -c "select max(version) from ec_schema_version")
elif has ec_events; then
    installed=1
else
    installed=0
fi
pending=()
for script in $(ls "$schema" | grep -E '^V[0-9]+__.*[.]sql$' | sort -V); do
    n=${script#V}; n=${n%%__*}
    if (( n > installed )); then pending+=("$script"); fi
done
if (( ${#pending[@]} == 0 )); then
    echo "4. EventCore's schema is installed and up to date (version $installed)"
else
    if (( installed == 0 )); then at="a new schema"; else at="an upgrade from version $installed"; fi
    echo "4. EventCore's schema, as eventcore_owner ($at)"
    # the scripts after that version, in version order, each in a session that acts as eventcore_owner
    for script in "${pending[@]}"; do
        echo "   $script"
        { echo 'set role eventcore_owner;'; cat "$schema/$script"; } | psql_admin -d "$database"
    done
fi

echo "5. CREATE on the schema public for $user (the sample creates its read-model tables itself)"
psql_admin -d "$database" -v user="$user" <<'SQL'
select format('grant create on schema public to %I', :'user') \gexec
SQL

echo "Done: connect as $user to database $database, for example:"
echo "  SAMPLE_PG_URL=jdbc:postgresql://localhost:${PGPORT:-5432}/$database SAMPLE_PG_USER=$user \\"
echo "  SAMPLE_PG_PASSWORD=... bash eventcore-ear-sample/run.sh --postgres"
