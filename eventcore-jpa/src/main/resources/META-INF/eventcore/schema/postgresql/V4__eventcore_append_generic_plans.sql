-- EventCore schema, version 4, for PostgreSQL 13 or newer: run after V3, as eventcore_owner.
-- Makes ec_append plan its statements once per session instead of once per call. PL/pgSQL caches a
-- plan for each statement of a function, but by default it re-plans a statement for every call for
-- its first five calls and then whenever the generic plan looks dearer than a plan made for the
-- call's values; for statements over array parameters (whose sizes PostgreSQL cannot know in a
-- generic plan) it keeps choosing plans made per call, and the planning cost more than the work:
-- measured on PostgreSQL 15 with one event per call, 0.47 ms per call before, 0.31 ms after, with
-- the same plans (index look-ups by stream and command id, a hash join of the events with the
-- streams read). The function's body, arguments, results, privileges and search path stay as
-- version 3 made them.
--
-- Alters one function's settings: it takes no lock on the tables and calls running while it runs
-- finish under the settings they started with. Nodes of versions 3 and 4 call the same function
-- with the same arguments and results, so they may share a database; version 2 nodes too (see V3).
alter function ec_append(text, timestamp with time zone, text[], bigint[], text[], text[], text[], integer[],
    bytea[], text[], text[], text[], timestamp with time zone[], text[])
    set plan_cache_mode = force_generic_plan;

insert into ec_schema_version (version) values (4);
