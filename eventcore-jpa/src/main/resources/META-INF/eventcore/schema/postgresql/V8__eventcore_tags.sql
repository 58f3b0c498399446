-- EventCore schema, version 8, for PostgreSQL 13 or newer: run after V7, as eventcore_owner.
-- Consistency by tags (ADR 0009): the tags of events, and ec_append_tagged, the append of a command whose
-- events carry tags or whose decision read tag queries. One row per tag of an event; a query's item reads
-- the rows of its first tag, an index range of the primary key; the check after a read's snapshot starts
-- at that snapshot's xmin (every transaction below it had ended when the read ran).
--
-- Locks (advisory, transaction-scoped, one key space with the streams' keys, all taken in one statement
-- in key order, each key once in its strongest mode):
--   every tagged event, with or without a condition: SHARED (type, tag) and (any type, tag) per tag;
--   every condition item: EXCLUSIVE (name, first tag) for each stored name of each of its types, or
--   (any type, first tag) for an item without types; every stream: EXCLUSIVE, as ec_append.
-- A checker so waits for every writer of a matching event that is in flight and then sees its event;
-- writers without conditions never wait for each other; commands whose queries share no tag share no key.
--
-- Creates one table (no lock on existing ones) and two functions; ec_append stays as version 6 made it.
-- Nodes of version 7 and earlier keep calling ec_append and write no tags, so they may share a database
-- with nodes of version 8 as long as no command of theirs writes an event a tag query of the new nodes
-- should match (the older nodes neither tag nor lock).

create table ec_event_tags (
    tag             varchar(255) not null,
    tx_id           bigint       not null,
    global_position bigint       not null,
    event_type      varchar(200) not null,
    constraint ec_event_tags_pkey primary key (tag, tx_id, global_position)
);

comment on table ec_event_tags is
    'EventCore: the tags of events (key:value), for tag queries; written with the event, never changed';

create trigger ec_event_tags_no_update_or_delete before update or delete on ec_event_tags
    for each row execute function ec_reject_event_change();
create trigger ec_event_tags_no_truncate before truncate on ec_event_tags
    for each statement execute function ec_reject_event_change();

revoke all on ec_event_tags from public;
grant select, insert on ec_event_tags to eventcore_app;

-- The advisory keys of an append: the streams' (exclusive), its tagged events' (shared) and its conditions'
-- (exclusive), each once in its strongest mode, in key order. p_conditions is a JSON array of
-- {"n": condition, "after": snapshot, "names": [stored type names], "tags": [tags, first = smallest]},
-- one element per item of each condition.
create function ec_append_keys(
    p_streams     text[],
    p_tag_types   text[],
    p_tags        text[],
    p_conditions  jsonb)
returns table (k bigint, exclusive boolean)
language sql
immutable
as $$
    select a.k, bool_or(a.x)
      from (select hashtextextended(s, 0), true
              from unnest(p_streams) as s
            union all
            select hashtextextended('T' || chr(31) || t.typ || chr(31) || t.tag, 0), false
              from unnest(p_tag_types, p_tags) as t(typ, tag)
            union all
            select hashtextextended('A' || chr(31) || t.tag, 0), false
              from unnest(p_tags) as t(tag)
            union all
            select case when cardinality(i.names) = 0
                        then hashtextextended('A' || chr(31) || i.tags[1], 0)
                        else hashtextextended('T' || chr(31) || n.name || chr(31) || i.tags[1], 0) end, true
              from jsonb_to_recordset(coalesce(p_conditions, '[]'::jsonb)) as i(n integer, after text, names text[], tags text[])
              left join lateral unnest(i.names) as n(name) on true) as a(k, x)
     group by a.k
     order by a.k
$$;

-- Locks the keys of streams and conditions, in key order, in one statement: the executor's attempts after a
-- conflict call it before they read, so a hot query is waited for instead of raced for.
create function ec_lock(p_streams text[], p_conditions jsonb)
returns bigint
language sql
volatile
as $$
    select count(case when l.exclusive then pg_advisory_xact_lock(l.k) else pg_advisory_xact_lock_shared(l.k) end)
      from ec_append_keys(p_streams, '{}'::text[], '{}'::text[], p_conditions) as l
$$;

create function ec_append_tagged(
    p_command_id      text,
    p_recorded_at     timestamp with time zone,
    p_streams         text[],
    p_expected        bigint[],
    p_event_ids       text[],
    p_event_streams   text[],
    p_event_types     text[],
    p_type_revisions  integer[],
    p_payloads        bytea[],
    p_correlation_ids text[],
    p_causation_ids   text[],
    p_user_names      text[],
    p_recorded_ats    timestamp with time zone[],
    p_custom_metadata text[],
    p_tag_events      integer[],
    p_tags            text[],
    p_conditions      jsonb)
returns table (
    outcome        text,
    writer_tx      bigint,
    event_position bigint,
    stale_stream   text,
    stale_version  bigint,
    newer_tx       bigint,
    event_type     text)
language plpgsql
security invoker
set plan_cache_mode = force_generic_plan
as $$
declare
    v_tx        bigint;
    v_positions bigint[];
    v_newest    bigint;
    v_tag_types text[];
begin
    if jsonb_array_length(coalesce(p_conditions, '[]'::jsonb)) > 0
       and current_setting('transaction_isolation') <> 'read committed' then
        raise exception 'EC3310 ec_append_tagged checks tag conditions at READ COMMITTED only, not at %',
            current_setting('transaction_isolation') using errcode = '0A000';
    end if;

    select coalesce(array_agg(p_event_types[t.e] order by t.i), '{}') into v_tag_types
      from unnest(p_tag_events) with ordinality as t(e, i);

    perform count(case when l.exclusive then pg_advisory_xact_lock(l.k) else pg_advisory_xact_lock_shared(l.k) end)
       from ec_append_keys(p_streams, v_tag_types, p_tags, p_conditions) as l;

    if exists (select 1 from ec_commands c where c.command_id = p_command_id) then
        return query select 'duplicate'::text, null::bigint, null::bigint, null::text, null::bigint, null::bigint,
                            null::text;
        return;
    end if;

    -- the streams, as ec_append; then each condition: a matching event its read did not see (below the
    -- read's xmin every transaction had ended, so the range starts there), not this transaction's own
    return query
        select 'conflict'::text, null::bigint, null::bigint, u.s, coalesce(st.stream_version, 0), null::bigint,
               null::text
          from unnest(p_streams, p_expected) as u(s, expected)
          left join lateral (select cur.stream_version from ec_streams cur where cur.stream_id = u.s limit 1) as st on true
         where coalesce(st.stream_version, 0) <> u.expected
        union all
        select distinct on (m.n) 'tag_conflict'::text, cast(m.n as bigint), m.global_position, e.event_id,
               null::bigint, m.tx_id, e.event_type
          from (select i.n, t.tx_id, t.global_position
                  from jsonb_to_recordset(p_conditions) as i(n integer, after text, names text[], tags text[])
                  cross join lateral (
                      select t.tx_id, t.global_position
                        from ec_event_tags t
                       where t.tag = i.tags[1]
                         and t.tx_id >= cast(cast(pg_snapshot_xmin(cast(i.after as pg_snapshot)) as text) as bigint)
                         and not pg_visible_in_snapshot(cast(cast(t.tx_id as text) as xid8), cast(i.after as pg_snapshot))
                         and t.tx_id is distinct from cast(cast(pg_current_xact_id_if_assigned() as text) as bigint)
                         and (cardinality(i.names) = 0 or t.event_type = any(i.names))
                         and (cardinality(i.tags) = 1
                              or (select count(*) from ec_event_tags o
                                   where o.tag = any(i.tags) and o.tx_id = t.tx_id
                                     and o.global_position = t.global_position) = cardinality(i.tags))
                       order by t.tx_id, t.global_position
                       limit 1) as t) as m
          join ec_events e on e.global_position = m.global_position
         order by 1, 2;
    if found then
        return;
    end if;

    v_tx := cast(cast(pg_current_xact_id() as text) as bigint);
    -- the log's order, as ec_append: no event of a stream, or with the first tag of a condition, from a later
    -- transaction (a condition's writers got their ids after this one's locks, unless this transaction wrote
    -- before it called; writers of tags without a condition may interleave, as they decide on no tag)
    select max(w.tx_id) into v_newest
      from (select x.tx_id
              from unnest(p_streams) as u(s)
             cross join lateral (select e.tx_id
                                   from ec_streams st
                                   join ec_events e on e.stream_id = st.stream_id and e.stream_version = st.stream_version
                                  where st.stream_id = u.s
                                  limit 1) as x
            union all
            select y.tx_id
              from (select distinct i.tags[1]
                      from jsonb_to_recordset(p_conditions) as i(n integer, after text, names text[], tags text[])) as u(g)
             cross join lateral (select t.tx_id from ec_event_tags t where t.tag = u.g
                                  order by t.tx_id desc limit 1) as y) as w;
    if v_newest > v_tx then
        return query select 'out_of_order'::text, v_tx, null::bigint, null::text, null::bigint, v_newest, null::text;
        return;
    end if;

    select array_agg(n.p order by n.p) into v_positions
      from (select nextval('ec_event_position_seq') as p
              from generate_series(1, cardinality(p_event_ids))) as n;

    insert into ec_commands (command_id, recorded_at) values (p_command_id, p_recorded_at);

    insert into ec_events (global_position, tx_id, event_id, stream_id, stream_version, event_type,
                           type_revision, payload, correlation_id, causation_id, user_name, recorded_at,
                           custom_metadata)
    select v_positions[e.n], v_tx, e.event_id, e.stream_id,
           u.expected + row_number() over (partition by e.stream_id order by e.n),
           e.event_type, e.type_revision, e.payload, e.correlation_id, e.causation_id, e.user_name,
           e.recorded_at, e.custom_metadata
      from unnest(p_event_ids, p_event_streams, p_event_types, p_type_revisions, p_payloads,
                  p_correlation_ids, p_causation_ids, p_user_names, p_recorded_ats, p_custom_metadata)
           with ordinality as e(event_id, stream_id, event_type, type_revision, payload, correlation_id,
                                causation_id, user_name, recorded_at, custom_metadata, n)
      left join unnest(p_streams, p_expected) as u(s, expected) on u.s = e.stream_id;

    insert into ec_event_tags (tag, tx_id, global_position, event_type)
    select t.tag, v_tx, v_positions[t.e], p_event_types[t.e]
      from unnest(p_tag_events, p_tags) as t(e, tag);

    insert into ec_streams as st (stream_id, stream_version)
    select w.stream_id, u.expected + count(*)
      from unnest(p_event_streams) as w(stream_id)
      join unnest(p_streams, p_expected) as u(s, expected) on u.s = w.stream_id
     group by w.stream_id, u.expected
    on conflict (stream_id) do update set stream_version = excluded.stream_version;

    return query
        select 'ok'::text, v_tx, p.pos, null::text, null::bigint, null::bigint, null::text
          from unnest(v_positions) as p(pos);
end
$$;

do $$
begin
    execute format('alter function ec_append_keys(text[], text[], text[], jsonb) set search_path = pg_catalog, %I, pg_temp',
                   current_schema());
    execute format('alter function ec_lock(text[], jsonb) set search_path = pg_catalog, %I, pg_temp', current_schema());
    execute format('alter function ec_append_tagged(text, timestamp with time zone, text[], bigint[], text[], text[],'
                   ' text[], integer[], bytea[], text[], text[], text[], timestamp with time zone[], text[], integer[],'
                   ' text[], jsonb) set search_path = pg_catalog, %I, pg_temp', current_schema());
end
$$;

revoke all on function ec_append_keys(text[], text[], text[], jsonb) from public;
revoke all on function ec_lock(text[], jsonb) from public;
revoke all on function ec_append_tagged(text, timestamp with time zone, text[], bigint[], text[], text[], text[],
    integer[], bytea[], text[], text[], text[], timestamp with time zone[], text[], integer[], text[], jsonb) from public;
grant execute on function ec_append_keys(text[], text[], text[], jsonb) to eventcore_app;
grant execute on function ec_lock(text[], jsonb) to eventcore_app;
grant execute on function ec_append_tagged(text, timestamp with time zone, text[], bigint[], text[], text[], text[],
    integer[], bytea[], text[], text[], text[], timestamp with time zone[], text[], integer[], text[], jsonb)
    to eventcore_app;

insert into ec_schema_version (version) values (8);
