-- EventCore schema, version 1, for H2 2.x: for development and demos only.
-- H2 does not separate an owner from the application here and does not enforce the immutability
-- of stored events; appends are serialized through ec_log_lock so that the global log is never
-- read past an uncommitted event. Use PostgreSQL in production.
-- Each statement stands on one line, so that every JPA provider can run this script at start-up
-- (jakarta.persistence.schema-generation.create-script-source; Hibernate reads one statement per line).

create sequence ec_event_position_seq;
create table ec_events ( global_position bigint not null, tx_id bigint not null, event_id varchar(36) not null, stream_id varchar(255) not null, stream_version bigint not null, event_type varchar(200) not null, type_revision integer not null, payload varbinary not null, correlation_id varchar(128) not null, causation_id varchar(128) not null, user_name varchar(255), recorded_at timestamp with time zone not null, custom_metadata clob not null, constraint ec_events_pkey primary key (global_position), constraint ec_events_event_id_key unique (event_id), constraint ec_events_stream_version_key unique (stream_id, stream_version), constraint ec_events_version_check check (stream_version > 0) );
create index ec_events_log_idx on ec_events (tx_id, global_position);
create index ec_events_causation_idx on ec_events (causation_id);
create table ec_streams ( stream_id varchar(255) not null, stream_version bigint not null, constraint ec_streams_pkey primary key (stream_id) );
create table ec_commands ( command_id varchar(128) not null, recorded_at timestamp with time zone not null, constraint ec_commands_pkey primary key (command_id) );
create table ec_checkpoints ( projection_name varchar(200) not null, log_position varchar(64) not null, fencing_epoch bigint not null default 0, lease_owner varchar(200), lease_until timestamp with time zone, updated_at timestamp with time zone not null, constraint ec_checkpoints_pkey primary key (projection_name) );
create table ec_log_lock ( id integer not null, constraint ec_log_lock_pkey primary key (id) );
insert into ec_log_lock (id) values (1);
