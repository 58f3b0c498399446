-- EventCore schema, version 3, for PostgreSQL 13 or newer: run after V2, as eventcore_owner.
-- Adds ec_append, the append of one command in one statement: the store of version 3 calls it
-- instead of sending the eight statements of an append one by one. Creates a function only: it
-- takes no lock on the tables, and nodes of version 2 keep appending with their own statements
-- while it runs and after (both take the same locks in the same order and make the same checks), so
-- nodes of versions 2 and 3 may share a database.

-- Appends the events of one command, with optimistic concurrency over every stream it read:
--   1. one transaction-scoped advisory lock per stream read, in ascending key order (the locks of
--      the statements of versions 1 and 2, so that appends of both never deadlock);
--   2. a command id already stored: outcome 'duplicate', nothing written;
--   3. a stream whose version is not the one read: outcome 'conflict', one row per such stream
--      with its version now, nothing written;
--   4. a stream whose last event was written by a younger transaction than this one (this
--      transaction wrote before it locked): outcome 'out_of_order' with that transaction's id;
--   5. otherwise the command, the events (positions from ec_event_position_seq, versions after the
--      ones read) and the streams' new versions: outcome 'ok', one row per event with its position.
-- Every value arrives as a parameter and no SQL is built from it. It runs with its caller's
-- privileges (eventcore_app's) and a search path fixed when it is installed (below).
create function ec_append(
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

    return query
        select 'conflict'::text, null::bigint, null::bigint, u.s, coalesce(st.stream_version, 0), null::bigint
          from unnest(p_streams, p_expected) as u(s, expected)
          left join ec_streams st on st.stream_id = u.s
         where coalesce(st.stream_version, 0) <> u.expected
         order by u.s;
    if found then
        return;
    end if;

    v_tx := cast(cast(pg_current_xact_id() as text) as bigint);
    select max(e.tx_id) into v_newest
      from ec_events e
      join ec_streams st on e.stream_id = st.stream_id and e.stream_version = st.stream_version
     where st.stream_id = any (p_streams);
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

revoke all on function ec_append(text, timestamp with time zone, text[], bigint[], text[], text[], text[],
    integer[], bytea[], text[], text[], text[], timestamp with time zone[], text[]) from public;
grant execute on function ec_append(text, timestamp with time zone, text[], bigint[], text[], text[], text[],
    integer[], bytea[], text[], text[], text[], timestamp with time zone[], text[]) to eventcore_app;

insert into ec_schema_version (version) values (3);
