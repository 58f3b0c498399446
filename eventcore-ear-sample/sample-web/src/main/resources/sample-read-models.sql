-- The sample's read models (written by its durable projections); the same SQL for H2 and PostgreSQL.
create table sample_balances (account varchar(255) not null primary key, owner varchar(255) not null, cents bigint not null, events bigint not null);
create table sample_statement_lines (event_id varchar(36) not null primary key, account varchar(255) not null, version bigint not null, cents bigint not null, recorded_by varchar(255), command_id varchar(128) not null);
create index sample_statement_lines_account_idx on sample_statement_lines (account, version);
create table sample_inventory (product varchar(255) not null primary key, on_hand integer not null, reserved integer not null);
create table sample_loyalty (customer varchar(255) not null primary key, points bigint not null);
