-- EventCore schema, version 9, for PostgreSQL 13 or newer: run after V8, as eventcore_owner.
-- Takes an append's stream locks before its tag locks. Version 8 sorted the keys of streams and tags
-- together; the executor's attempts after a conflict lock their streams before they read (ec_lock locked
-- the keys of their tag conditions too), so their append then took tag keys that could sort below keys it
-- held, and two such appends could wait for each other (PostgreSQL found the deadlock after a second and
-- failed one of them, which the executor retried): 263 deadlocks in the first minute of 32 racing writers.
-- With streams first, then tags, each in key order, an attempt that holds its stream locks takes only keys
-- of the later class, the order every append uses: no two appends wait for each other. ec_lock is dropped:
-- an attempt after a conflict locks its streams only, and its tag conditions are checked under the append's
-- locks as on the first attempt.
--
-- Replaces one function and drops one that only version 8 nodes call (after a conflict): run it when no
-- node of version 8 runs, or those nodes' retries of commands with tag queries fail until they are
-- upgraded. Nodes of version 7 and earlier do not call either.

create or replace function ec_append_keys(
    p_streams     text[],
    p_tag_types   text[],
    p_tags        text[],
    p_conditions  jsonb)
returns table (k bigint, exclusive boolean)
language sql
immutable
as $$
    select a.k, bool_or(a.x)
      from (select hashtextextended(s, 0), true, 0
              from unnest(p_streams) as s
            union all
            select hashtextextended('T' || chr(31) || t.typ || chr(31) || t.tag, 0), false, 1
              from unnest(p_tag_types, p_tags) as t(typ, tag)
            union all
            select hashtextextended('A' || chr(31) || t.tag, 0), false, 1
              from unnest(p_tags) as t(tag)
            union all
            select case when cardinality(i.names) = 0
                        then hashtextextended('A' || chr(31) || i.tags[1], 0)
                        else hashtextextended('T' || chr(31) || n.name || chr(31) || i.tags[1], 0) end, true, 1
              from jsonb_to_recordset(coalesce(p_conditions, '[]'::jsonb)) as i(n integer, after text, names text[], tags text[])
              left join lateral unnest(i.names) as n(name) on true) as a(k, x, c)
     group by a.k
     order by min(a.c), a.k
$$;

drop function ec_lock(text[], jsonb);

insert into ec_schema_version (version) values (9);
