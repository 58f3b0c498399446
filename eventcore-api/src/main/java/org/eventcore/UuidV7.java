package org.eventcore;

import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * UUID version 7 generator (RFC 9562, section 5.7) with the monotonic counter of section 6.2,
 * method 3: the 48-bit Unix millisecond timestamp and the 12-bit {@code rand_a} field together form
 * a 60-bit value that strictly increases across all calls in this process. When more than 4,096
 * ids are requested within one millisecond the timestamp runs ahead of the clock by the overflow and
 * falls back in step as the clock catches up. The 62 bits of {@code rand_b} are random.
 */
final class UuidV7 {

    private static final AtomicLong LAST = new AtomicLong();
    private static final SecureRandom SEED = new SecureRandom();
    private static final ThreadLocal<SplittableRandom> RANDOM =
            ThreadLocal.withInitial(() -> new SplittableRandom(SEED.nextLong()));

    private UuidV7() {}

    /** A new UUIDv7, greater than every one returned before by this class loader's copy. */
    public static UUID next() {
        long now = System.currentTimeMillis() << 12;
        long current;
        long next;
        do {
            current = LAST.get();
            next = Math.max(now, current + 1);
        } while (!LAST.compareAndSet(current, next));
        return build(next, RANDOM.get().nextLong());
    }

    /** Builds a UUIDv7 from 60 bits of timestamp and counter and 62 random bits (exposed for tests). */
    static UUID build(long timestampAndCounter, long random) {
        long millis = timestampAndCounter >>> 12;
        long counter = timestampAndCounter & 0xFFFL;
        long msb = (millis << 16) | 0x7000L | counter;
        long lsb = (random & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
