-- EventCore schema, version 6, for H2 2.x (development only): run after V5. Version 6 changes how
-- PostgreSQL's ec_append looks up the streams of a command, which H2 does not have; on H2 this script
-- only records the version, to keep both databases at one version.
insert into ec_schema_version (version) values (6);
