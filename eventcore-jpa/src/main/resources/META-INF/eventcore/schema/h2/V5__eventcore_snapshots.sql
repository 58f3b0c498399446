-- EventCore schema, version 5, for H2 2.x (development only): run after V4.
-- Adds the snapshots of cached command states. Each statement stands on one line.

create table ec_snapshots ( key_digest varbinary(32) not null, snapshot_key clob not null, command_type varchar(500) not null, stream_versions clob not null, last_tx_id bigint not null, last_position bigint not null, fold_revision integer not null, state_revision integer not null, fingerprint varchar(64) not null, events_folded bigint not null, state blob not null, written_at timestamp with time zone default current_timestamp not null, constraint ec_snapshots_pkey primary key (key_digest) );
insert into ec_schema_version (version) values (5);
