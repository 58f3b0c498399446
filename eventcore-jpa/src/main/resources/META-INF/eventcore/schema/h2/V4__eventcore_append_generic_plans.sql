-- EventCore schema, version 4, for H2 2.x (development only): run after V3. Version 4 changes how
-- PostgreSQL plans ec_append, which H2 does not have; on H2 this script only records the version,
-- to keep both databases at one version.
insert into ec_schema_version (version) values (4);
