-- EventCore schema, version 3, for H2 2.x (development only): run after V2. Version 3 adds the
-- append in one statement on PostgreSQL (ec_append); H2 keeps the portable append of its own
-- statements, so on H2 this script only records the version, to keep both databases at one version.
insert into ec_schema_version (version) values (3);
