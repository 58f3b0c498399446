package org.eventcore.sample.web.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.AsyncResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eventcore.GlobalPosition;
import org.eventcore.cdi.DurableProjections;
import org.eventcore.projection.ProjectionStatus;
import org.eventcore.sample.web.http.Positions;
import org.eventcore.sample.web.http.Problems;

/**
 * Read your own writes without pinning a request thread. A read with {@code ?after=<position>} is
 * suspended until the projection has passed that position, then answered from a managed executor's
 * thread; no thread waits meanwhile. Waits are bounded: at most {@value #PER_CALLER} at once per user and
 * {@value #TOTAL} in all (more are answered 429 at once), each at most {@link #MAX_WAIT} (then 503 with
 * {@code Retry-After}). A position beyond the newest event stored, which no write of this server
 * handed out, is answered 400 at once; one the projection has passed is read at once.
 */
@ApplicationScoped
public class ReadYourWrites {

    /** The longest a reader waits for its own write to reach a read model. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(10);

    /** Waits one user may have at once. */
    public static final int PER_CALLER = 4;

    /** Waits all users may have at once. */
    public static final int TOTAL = 64;

    @Inject
    DurableProjections projections;

    @Inject
    ReadModels readModels;

    /**
     * The sample's own managed executor (web.xml's {@code managed-executor}): the durable projections'
     * runners each hold a thread of the server's default one for as long as they run, so work queued
     * there behind them might never run.
     */
    @Resource(lookup = "java:app/concurrent/ReadYourWrites")
    ManagedExecutorService executor;

    private final Map<String, AtomicInteger> perCaller = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();

    /**
     * Resumes {@code response} with {@code read}'s value once projection {@code projection} has passed
     * {@code after} (a position token of this API, or null for no wait).
     */
    public void answer(AsyncResponse response, String caller, String projection, String after, Supplier<Object> read) {
        answer(response, caller, List.of(projection), after, read);
    }

    /**
     * Resumes {@code response} with {@code read}'s value once every projection of {@code projections}
     * has passed {@code after}: for a read that uses several read models.
     */
    public void answer(AsyncResponse response, String caller, List<String> names, String after, Supplier<Object> read) {
        try {
            if (after == null) {
                response.resume(read.get());
                return;
            }
            GlobalPosition position = Positions.of(after);
            List<String> behind = new ArrayList<>();
            GlobalPosition head = null;
            for (String name : names) {
                ProjectionStatus status = projections.status(name);
                head = status.head();
                if (status.checkpoint().compareTo(position) < 0) {
                    behind.add(name);
                }
            }
            if (behind.isEmpty()) {
                response.resume(read.get());
                return;
            }
            if (position.compareTo(head) > 0 && position.compareTo(readModels.newestStored()) > 0) {
                response.resume(Problems.response(
                        400,
                        "Invalid input",
                        "after names a position beyond the newest event: no write of this server returned it"));
                return;
            }
            if (!reserve(caller)) {
                response.resume(Problems.retryLater(
                        429,
                        "Too many waiting reads",
                        "at most " + PER_CALLER + " reads of one user (and " + TOTAL + " in all) may wait for a"
                                + " read model at once; try again",
                        1));
                return;
            }
            wait(response, caller, behind, position, read);
        } catch (RuntimeException e) {
            response.resume(e);
        }
    }

    private void wait(
            AsyncResponse response,
            String caller,
            List<String> behind,
            GlobalPosition position,
            Supplier<Object> read) {
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                perCaller.get(caller).decrementAndGet();
                total.decrementAndGet();
            }
        };
        String names = String.join(", ", behind);
        // a safety net: the response never waits longer than the wait plus a margin, whatever happens
        response.setTimeout(MAX_WAIT.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        response.setTimeoutHandler(r -> {
            release.run();
            r.resume(notReached(names));
        });
        CompletableFuture<Boolean> all = CompletableFuture.completedFuture(true);
        for (String name : behind) {
            all = all.thenCombine(projections.whenPosition(name, position, MAX_WAIT), Boolean::logicalAnd);
        }
        all.whenCompleteAsync(
                (reached, failure) -> {
                    release.run();
                    try {
                        if (failure != null) {
                            response.resume(failure);
                        } else if (Boolean.TRUE.equals(reached)) {
                            response.resume(read.get());
                        } else {
                            response.resume(notReached(names));
                        }
                    } catch (RuntimeException e) {
                        response.resume(e);
                    }
                },
                executor);
    }

    private boolean reserve(String caller) {
        AtomicInteger mine = perCaller.computeIfAbsent(caller, c -> new AtomicInteger());
        if (mine.incrementAndGet() > PER_CALLER) {
            mine.decrementAndGet();
            return false;
        }
        if (total.incrementAndGet() > TOTAL) {
            total.decrementAndGet();
            mine.decrementAndGet();
            return false;
        }
        return true;
    }

    private static jakarta.ws.rs.core.Response notReached(String projections) {
        return Problems.retryLater(
                503,
                "Read model behind",
                "the read model \"" + projections + "\" has not reached that position within " + MAX_WAIT.toSeconds()
                        + " s; try again",
                2);
    }
}
