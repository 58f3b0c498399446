-- EventCore schema, version 2, for H2 2.x (development only): run after V1.
-- Adds the durable record of the events projections skipped (ErrorPolicy.SKIP_AND_RECORD) and the
-- table that says which version the schema is at. Each statement stands on one line.

create table ec_schema_version ( version integer not null, installed_at timestamp with time zone default current_timestamp not null, constraint ec_schema_version_pkey primary key (version) );
insert into ec_schema_version (version) values (2);
create table ec_skipped_events ( projection_name varchar(200) not null, log_epoch bigint not null, log_offset bigint not null, event_id varchar(36) not null, payload_type varchar(500) not null, error clob not null, skipped_at timestamp with time zone default current_timestamp not null, constraint ec_skipped_events_pkey primary key (projection_name, log_epoch, log_offset) );
