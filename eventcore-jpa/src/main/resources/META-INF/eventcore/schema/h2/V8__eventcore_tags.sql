-- EventCore schema, version 8, for H2 2.x (development only): run after V7. The tags of events, for tag
-- queries. H2's appends are serialized by the lock row, so a condition is checked against positions and
-- takes no lock of its own. Each statement stands on one line.

create table ec_event_tags ( tag varchar(255) not null, tx_id bigint not null, global_position bigint not null, event_type varchar(200) not null, constraint ec_event_tags_pkey primary key (tag, tx_id, global_position) );
insert into ec_schema_version (version) values (8);
