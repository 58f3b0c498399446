# Sourced by compare.sh and tags.sh (set bin and port first): starts a PostgreSQL of its own from $bin on
# $port, with fsync and synchronous_commit on, in a fresh directory $work (as postgres when run as root);
# stops it and removes $work when the script exits; sets psql=(...) to reach it as postgres.
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
