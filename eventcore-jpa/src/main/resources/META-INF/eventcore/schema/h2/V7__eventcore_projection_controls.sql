-- EventCore schema, version 7, for H2 2.x (development only): run after V6.
-- Adds the changes of durable projections asked through the console. Each statement stands on one line.

create table ec_projection_controls ( control_id bigint not null, projection_name varchar(200) not null, action varchar(16) not null, from_position varchar(64), requested_by varchar(255) not null, requested_at timestamp with time zone default current_timestamp not null, status varchar(16) default 'PENDING' not null, outcome clob, settled_by varchar(200), settled_at timestamp with time zone, fencing_epoch bigint, constraint ec_projection_controls_pkey primary key (control_id), constraint ec_projection_controls_action_check check (action in ('PAUSE', 'RESUME', 'REBUILD')), constraint ec_projection_controls_status_check check (status in ('PENDING', 'DONE', 'REFUSED')), constraint ec_projection_controls_from_check check (from_position is null or action = 'REBUILD') );
create index ec_projection_controls_projection_idx on ec_projection_controls (projection_name, control_id);
insert into ec_schema_version (version) values (7);
