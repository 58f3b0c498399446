-- EventCore schema, version 9, for H2 2.x (development only): run after V8. Version 9 changes the order of
-- PostgreSQL's advisory locks, which H2 does not have; on H2 this script only records the version, to keep
-- both databases at one version.
insert into ec_schema_version (version) values (9);
