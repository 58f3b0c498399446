-- EventCore schema, version 2, for PostgreSQL 13 or newer: run after V1, as eventcore_owner.
-- Adds the durable record of the events projections skipped (ErrorPolicy.SKIP_AND_RECORD) and the
-- table that says which version the schema is at. Creates new tables only: it takes no lock that
-- blocks appends, and nodes of the version before keep working on it while it runs and after.

-- The version of the EventCore schema: one row per script run, the highest is the schema's version.
create table ec_schema_version (
    version      integer not null,
    installed_at timestamp with time zone not null default now(),
    constraint ec_schema_version_pkey primary key (version)
);

insert into ec_schema_version (version) values (2);

-- The events a durable projection skipped: written in the transaction of the checkpoint that passes
-- the event, so that a record exists exactly when the projection's checkpoint is past the event.
create table ec_skipped_events (
    projection_name varchar(200)  not null,
    log_epoch       bigint        not null,
    log_offset      bigint        not null,
    event_id        varchar(36)   not null,
    payload_type    varchar(500)  not null,
    error           text          not null,
    skipped_at      timestamp with time zone not null default now(),
    constraint ec_skipped_events_pkey primary key (projection_name, log_epoch, log_offset)
);

revoke all on ec_schema_version, ec_skipped_events from public;
grant select on ec_schema_version to eventcore_app;
grant select, insert, delete on ec_skipped_events to eventcore_app;
