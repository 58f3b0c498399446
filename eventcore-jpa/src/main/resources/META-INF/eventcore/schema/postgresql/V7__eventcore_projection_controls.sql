-- EventCore schema, version 7, for PostgreSQL 13 or newer: run after V6, as eventcore_owner.
-- Adds the changes of durable projections asked through the console (or ProjectionControls.request) on any
-- node: pause, resume, rebuild. The node holding a projection's lease reads the pending ones as it polls,
-- carries them out under its fencing epoch and records the outcome in the same row, which stays as the
-- audit of who changed what, when, and what became of it.
--
-- Creates a new table only, with its indexes built while it is empty: it takes no lock on the tables appends
-- and projections use. Nodes of versions 2 to 6 neither read nor write it, so they keep working while it runs
-- and after, and nodes of versions 6 and 7 may share a database: a change asked while a node of version 6
-- holds the lease waits, pending, until a node of version 7 holds it. The store needs it only for the
-- projection controls (a node of version 7 on a database of version 6 runs its projections and refuses
-- changes with an error naming this script).

create table ec_projection_controls (
    control_id      bigint        not null,
    projection_name varchar(200)  not null,
    action          varchar(16)   not null,
    from_position   varchar(64),
    requested_by    varchar(255)  not null,
    requested_at    timestamp with time zone not null default now(),
    status          varchar(16)   not null default 'PENDING',
    outcome         text,
    settled_by      varchar(200),
    settled_at      timestamp with time zone,
    fencing_epoch   bigint,
    constraint ec_projection_controls_pkey primary key (control_id),
    constraint ec_projection_controls_action_check check (action in ('PAUSE', 'RESUME', 'REBUILD')),
    constraint ec_projection_controls_status_check check (status in ('PENDING', 'DONE', 'REFUSED')),
    constraint ec_projection_controls_from_check check (from_position is null or action = 'REBUILD')
);

create index ec_projection_controls_projection_idx on ec_projection_controls (projection_name, control_id);
create index ec_projection_controls_pending_idx on ec_projection_controls (projection_name, control_id)
    where status = 'PENDING';

comment on table ec_projection_controls is
    'EventCore: pause, resume and rebuild of durable projections, asked on any node, carried out by the lease holder; the audit of those changes';

revoke all on ec_projection_controls from public;
grant select, insert, update on ec_projection_controls to eventcore_app;

insert into ec_schema_version (version) values (7);
