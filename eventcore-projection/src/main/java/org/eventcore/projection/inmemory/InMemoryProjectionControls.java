package org.eventcore.projection.inmemory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eventcore.GlobalPosition;
import org.eventcore.projection.spi.ProjectionControl;
import org.eventcore.projection.spi.ProjectionControl.Action;
import org.eventcore.projection.spi.ProjectionControl.Status;
import org.eventcore.projection.spi.ProjectionControls;

/** The projection controls of {@link InMemoryProjectionLeases}: a list in memory, guarded by {@code this}. */
final class InMemoryProjectionControls implements ProjectionControls {

    private final List<ProjectionControl> controls = new ArrayList<>();

    /** Whether a projection's lease holds under an epoch now. */
    private final java.util.function.BiPredicate<String, Long> leaseHolds;

    InMemoryProjectionControls(java.util.function.BiPredicate<String, Long> leaseHolds) {
        this.leaseHolds = leaseHolds;
    }

    @Override
    public synchronized long request(String projection, Action action, Optional<GlobalPosition> from, String user) {
        ProjectionControls.requireValid(action, from, user);
        long id = controls.size() + 1;
        controls.add(new ProjectionControl(
                id,
                projection,
                action,
                from,
                user,
                Instant.now(),
                Status.PENDING,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));
        return id;
    }

    @Override
    public synchronized List<ProjectionControl> pending(String projection) {
        return controls.stream()
                .filter(c -> c.projection().equals(projection) && c.status() == Status.PENDING)
                .limit(MAX_PENDING)
                .toList();
    }

    @Override
    public synchronized boolean settle(long id, Status status, String outcome, String node, long epoch) {
        if (status == Status.PENDING) {
            throw new IllegalArgumentException("a change is settled as DONE or REFUSED");
        }
        if (id < 1 || id > controls.size()) {
            return false;
        }
        ProjectionControl c = controls.get((int) id - 1);
        if (c.status() != Status.PENDING || !leaseHolds.test(c.projection(), epoch)) {
            return false; // settled already, or asked of a node whose lease no longer holds
        }
        controls.set(
                (int) id - 1,
                new ProjectionControl(
                        c.id(),
                        c.projection(),
                        c.action(),
                        c.from(),
                        c.requestedBy(),
                        c.requestedAt(),
                        status,
                        Optional.of(outcome),
                        Optional.of(node),
                        Optional.of(Instant.now()),
                        Optional.of(epoch)));
        return true;
    }

    @Override
    public synchronized boolean paused(String projection) {
        for (int i = controls.size() - 1; i >= 0; i--) {
            ProjectionControl c = controls.get(i);
            if (c.projection().equals(projection) && c.status() == Status.DONE && c.action() != Action.REBUILD) {
                return c.action() == Action.PAUSE;
            }
        }
        return false;
    }

    @Override
    public synchronized List<ProjectionControl> history(String projection, int limit) {
        List<ProjectionControl> newest = new ArrayList<>();
        for (int i = controls.size() - 1; i >= 0 && newest.size() < limit; i--) {
            if (controls.get(i).projection().equals(projection)) {
                newest.add(controls.get(i));
            }
        }
        return newest;
    }
}
