package org.eventcore.execution;

/**
 * Counts of a {@link CommandExecutor}'s state cache since it was created, for monitoring: how often a
 * command of a {@linkplain org.eventcore.CachedState cached type} found its state and read only the new
 * events, and how often it had to fold from the start.
 *
 * @param hits loads that found an entry (in memory or as a snapshot) and folded only the new events
 * @param misses loads that found no entry and folded the streams from their first event
 * @param refolds loads that found an entry but folded from the start: a newly read event preceded the
 *     entry's last one in the log, or discovery chose other streams
 * @param snapshotsLoaded misses answered by a snapshot from the database
 * @param snapshotsWritten snapshots stored
 * @param snapshotsIgnored snapshots not used: written by another fold or state revision or another
 *     registry of event types, or unreadable
 * @param evictions entries removed to keep the cache within its size
 * @param entries the entries held now
 * @param capacity the most entries the cache holds
 */
public record StateCacheStatistics(
        long hits,
        long misses,
        long refolds,
        long snapshotsLoaded,
        long snapshotsWritten,
        long snapshotsIgnored,
        long evictions,
        long entries,
        int capacity) {

    /** The share of loads that were hits, from 0 to 1 (0 before the first load). */
    public double hitRatio() {
        long loads = hits + misses + refolds;
        return loads == 0 ? 0 : (double) hits / loads;
    }
}
