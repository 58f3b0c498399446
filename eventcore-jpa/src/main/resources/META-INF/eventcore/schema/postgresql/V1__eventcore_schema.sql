-- EventCore schema, version 1, for PostgreSQL 13 or newer.
-- Run it as eventcore_owner (for example "set role eventcore_owner;" first), after roles.sql.
-- Usable as a Flyway or Liquibase migration as it is, or with psql -f.

create sequence ec_event_position_seq as bigint;

-- Every stored event. global_position orders the log together with tx_id (see the ADR on the
-- global log); both are assigned by the store, never by the order in which a JPA provider
-- flushes rows.
create table ec_events (
    global_position bigint       not null,
    tx_id           bigint       not null,
    event_id        varchar(36)  not null,
    stream_id       varchar(255) not null,
    stream_version  bigint       not null,
    event_type      varchar(200) not null,
    type_revision   integer      not null,
    payload         bytea        not null,
    correlation_id  varchar(128) not null,
    causation_id    varchar(128) not null,
    user_name       varchar(255),
    recorded_at     timestamp with time zone not null,
    custom_metadata text         not null,
    constraint ec_events_pkey primary key (global_position),
    constraint ec_events_event_id_key unique (event_id),
    constraint ec_events_stream_version_key unique (stream_id, stream_version),
    constraint ec_events_version_check check (stream_version > 0)
);

create index ec_events_log_idx on ec_events (tx_id, global_position);
create index ec_events_causation_idx on ec_events (causation_id);

-- The current version of every stream that has events.
create table ec_streams (
    stream_id      varchar(255) not null,
    stream_version bigint       not null,
    constraint ec_streams_pkey primary key (stream_id),
    constraint ec_streams_version_check check (stream_version > 0)
);

-- Every command execution that stored events: the idempotency keys.
create table ec_commands (
    command_id  varchar(128) not null,
    recorded_at timestamp with time zone not null,
    constraint ec_commands_pkey primary key (command_id)
);

-- Progress of durable projections, with room for a lease and a fencing epoch.
create table ec_checkpoints (
    projection_name varchar(200) not null,
    log_position    varchar(64)  not null,
    fencing_epoch   bigint       not null default 0,
    lease_owner     varchar(200),
    lease_until     timestamp with time zone,
    updated_at      timestamp with time zone not null,
    constraint ec_checkpoints_pkey primary key (projection_name)
);

-- Stored events are immutable: the database itself refuses to change or remove them.
create function ec_reject_event_change() returns trigger language plpgsql as $$
begin
    raise exception 'EC3100 Stored events are immutable: % on ec_events is not allowed', tg_op
        using errcode = 'P0001';
end
$$;

create trigger ec_events_no_update_or_delete before update or delete on ec_events
    for each row execute function ec_reject_event_change();
create trigger ec_events_no_truncate before truncate on ec_events
    for each statement execute function ec_reject_event_change();

revoke all on ec_events, ec_streams, ec_commands, ec_checkpoints from public;
grant select, insert on ec_events to eventcore_app;
grant select, insert, update on ec_streams to eventcore_app;
grant select, insert on ec_commands to eventcore_app;
grant select, insert, update on ec_checkpoints to eventcore_app;
grant usage on sequence ec_event_position_seq to eventcore_app;
