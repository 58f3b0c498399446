-- EventCore schema, version 5, for PostgreSQL 13 or newer: run after V4, as eventcore_owner.
-- Adds the snapshots of cached command states (@CachedState(snapshotEvery = n)): one row per command
-- type and declared streams, the newest state written after a commit, never inside a command's
-- transaction. A snapshot is only an optimization: the executor checks each one it reads (key, fold and
-- state revisions, the fingerprint of the event types and upcasters) and folds from the streams' first
-- events when it cannot use it, so the rows may be deleted at any time.
--
-- Creates a new table only, with its primary key built while it is empty: it takes no lock on the
-- tables appends use, and nodes of versions 2 to 4 keep working while it runs and after (they do not
-- know the table). Nodes of version 5 without snapshots configured do not read it either, so nodes of
-- versions 4 and 5 may share a database.

create table ec_snapshots (
    key_digest      bytea         not null,
    snapshot_key    text          not null,
    command_type    varchar(500)  not null,
    stream_versions text          not null,
    last_tx_id      bigint        not null,
    last_position   bigint        not null,
    fold_revision   integer       not null,
    state_revision  integer       not null,
    fingerprint     varchar(64)   not null,
    events_folded   bigint        not null,
    state           bytea         not null,
    written_at      timestamp with time zone not null default now(),
    constraint ec_snapshots_pkey primary key (key_digest)
);

comment on table ec_snapshots is
    'EventCore: snapshots of cached command states; rows may be deleted at any time (commands then fold from the first event)';

revoke all on ec_snapshots from public;
grant select, insert, update, delete on ec_snapshots to eventcore_app;

insert into ec_schema_version (version) values (5);
