/**
 * The benchmark harness: {@link org.eventcore.bench.Bench} runs the workloads W1 to W4 through the
 * real path (executor, JPA store, Hibernate, a connection pool) on PostgreSQL, or in memory, and
 * prints and writes their figures. Not an API.
 */
package org.eventcore.bench;
