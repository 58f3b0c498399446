-- EventCore schema, version 6, for PostgreSQL 13 or newer: run after V5, as eventcore_owner.
-- Makes ec_append's two checks over the streams of a command look each stream up by its key in every
-- plan. Since version 4 the function plans its statements once per session (generic plans); a session
-- that planned them while the tables were empty or had no statistics yet kept plans that join the
-- streams read with every stream (the version check) and with every event (the check of the writer of
-- each stream's last event), by hash joins over sequential scans, until an ANALYZE of the tables made
-- it plan again. Measured on PostgreSQL 15 with 134,633 events: 49.9 ms and a temporary file per call
-- with such a plan, 0.04 ms with the plan of the lookups below, which is the plan whatever the
-- statistics were when it was made. The function's arguments, results, checks, locks, privileges
-- and owner stay as versions 3 and 4 made them; its settings (the search path of version 3, the
-- plans per session of version 4) are restated, as replacing a function resets them.
--
-- Replaces one function: it takes no lock on the tables; calls running while it runs finish with the
-- function they started. Nodes of version 5 call the same function with the same arguments and
-- results, so nodes of versions 5 and 6 may share a database (and those of versions 2 to 4, see V5).

create or replace function ec_append(
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
    p_custom_metadata text[])
returns table (
    outcome        text,
    writer_tx      bigint,
    event_position bigint,
    stale_stream   text,
    stale_version  bigint,
    newer_tx       bigint)
language plpgsql
security invoker
set plan_cache_mode = force_generic_plan
as $$
declare
    v_tx        bigint;
    v_positions bigint[];
    v_newest    bigint;
begin
    perform count(pg_advisory_xact_lock(l.k))
       from (select hashtextextended(u.s, 0) as k from unnest(p_streams) as u(s) order by 1) as l;

    if exists (select 1 from ec_commands c where c.command_id = p_command_id) then
        return query select 'duplicate'::text, null::bigint, null::bigint, null::text, null::bigint, null::bigint;
        return;
    end if;

    -- one look-up per stream by its key (a lateral subquery with a limit is never flattened into a join
    -- that a generic plan could turn into a hash join over every stream)
    return query
        select 'conflict'::text, null::bigint, null::bigint, u.s, coalesce(st.stream_version, 0), null::bigint
          from unnest(p_streams, p_expected) as u(s, expected)
          left join lateral (select cur.stream_version from ec_streams cur where cur.stream_id = u.s limit 1) as st on true
         where coalesce(st.stream_version, 0) <> u.expected
         order by u.s;
    if found then
        return;
    end if;

    v_tx := cast(cast(pg_current_xact_id() as text) as bigint);
    -- the writer of each stream's last event, one look-up per stream by its keys (as above)
    select max(w.tx_id) into v_newest
      from unnest(p_streams) as u(s)
     cross join lateral (select e.tx_id
                           from ec_streams st
                           join ec_events e on e.stream_id = st.stream_id and e.stream_version = st.stream_version
                          where st.stream_id = u.s
                          limit 1) as w;
    if v_newest > v_tx then
        return query select 'out_of_order'::text, v_tx, null::bigint, null::text, null::bigint, v_newest;
        return;
    end if;

    select array_agg(n.p order by n.p) into v_positions
      from (select nextval('ec_event_position_seq') as p
              from generate_series(1, cardinality(p_event_ids))) as n;

    insert into ec_commands (command_id, recorded_at) values (p_command_id, p_recorded_at);

    -- an event for a stream that was not read has no expected version: its null version is refused
    -- by the table (not null), and the append fails whole
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

    insert into ec_streams as st (stream_id, stream_version)
    select w.stream_id, u.expected + count(*)
      from unnest(p_event_streams) as w(stream_id)
      join unnest(p_streams, p_expected) as u(s, expected) on u.s = w.stream_id
     group by w.stream_id, u.expected
    on conflict (stream_id) do update set stream_version = excluded.stream_version;

    return query
        select 'ok'::text, v_tx, p.pos, null::text, null::bigint, null::bigint
          from unnest(v_positions) as p(pos);
end
$$;

-- The function finds the tables in the schema it is installed in, whatever the caller's search path:
-- pg_catalog first (no operator or function of another schema can stand in for a built-in one),
-- then this schema, then the caller's temporary tables last.
do $$
begin
    execute format('alter function ec_append(text, timestamp with time zone, text[], bigint[], text[], text[],'
                   ' text[], integer[], bytea[], text[], text[], text[], timestamp with time zone[], text[])'
                   ' set search_path = pg_catalog, %I, pg_temp', current_schema());
end
$$;

insert into ec_schema_version (version) values (6);
