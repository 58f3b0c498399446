-- EventCore for PostgreSQL: the two roles (run once per cluster, by a role with CREATEROLE).
--
-- eventcore_owner owns the tables. Only it could disable the triggers that keep stored events
-- immutable, so the application never connects as it.
-- eventcore_app is what the application connects as (directly, or through a login role that is a
-- member of it): it may read and insert events, and keep stream versions, command ids and
-- projection checkpoints, nothing else.
do $$
begin
    if not exists (select 1 from pg_roles where rolname = 'eventcore_owner') then
        create role eventcore_owner nologin;
    end if;
    if not exists (select 1 from pg_roles where rolname = 'eventcore_app') then
        create role eventcore_app nologin;
    end if;
end
$$;
