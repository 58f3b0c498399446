package org.eventcore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventIdTest {

    static long unixMillisOf(EventId id) {
        return id.value().getMostSignificantBits() >>> 16;
    }

    @Test
    void a_generated_id_is_a_version_7_uuid_of_the_ietf_variant() {
        EventId id = EventId.generate();

        assertThat(id.value().version()).isEqualTo(7);
        assertThat(id.value().variant()).isEqualTo(2);
    }

    @Test
    void a_generated_id_carries_the_current_unix_time_in_milliseconds() throws InterruptedException {
        // Ids generated in bulk by earlier tests may run the timestamp up to ~50 ms ahead of the
        // clock; after this pause the generator is back on the clock.
        Thread.sleep(100);
        long before = System.currentTimeMillis();
        EventId id = EventId.generate();
        long after = System.currentTimeMillis();

        assertThat(unixMillisOf(id)).isBetween(before, after + 2);
    }

    @Test
    void one_hundred_thousand_ids_from_one_thread_are_strictly_increasing() {
        EventId previous = EventId.generate();
        for (int i = 0; i < 100_000; i++) {
            EventId next = EventId.generate();
            if (next.compareTo(previous) <= 0) {
                throw new AssertionError("id " + i + " (" + next + ") is not after " + previous);
            }
            previous = next;
        }
        assertThat(previous.value().version()).isEqualTo(7);
    }

    @Test
    void ids_from_four_threads_are_unique_and_increasing_per_thread() throws Exception {
        int threads = 4;
        int perThread = 50_000;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<EventId>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    List<EventId> ids = new ArrayList<>(perThread);
                    for (int i = 0; i < perThread; i++) {
                        ids.add(EventId.generate());
                    }
                    return ids;
                }));
            }
            start.countDown();

            Set<UUID> all = new HashSet<>();
            Set<Long> timestampsAndCounters = new HashSet<>();
            for (Future<List<EventId>> future : futures) {
                List<EventId> ids = future.get(30, TimeUnit.SECONDS);
                assertThat(ids).hasSize(perThread).isSortedAccordingTo(EventId::compareTo);
                for (int i = 1; i < ids.size(); i++) {
                    assertThat(ids.get(i)).isGreaterThan(ids.get(i - 1));
                }
                for (EventId id : ids) {
                    all.add(id.value());
                    timestampsAndCounters.add(id.value().getMostSignificantBits());
                }
            }
            assertThat(all).hasSize(threads * perThread);
            // Uniqueness comes from the shared 60-bit timestamp+counter, not from the random bits.
            assertThat(timestampsAndCounters).hasSize(threads * perThread);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void of_refuses_a_version_4_uuid_with_EC1002() {
        UUID v4 = UUID.fromString("3b241101-e2bb-4255-8caf-4136c566a962");

        assertThatThrownBy(() -> EventId.of(v4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EC1002 Event id 3b241101-e2bb-4255-8caf-4136c566a962 is a version 4 UUID; event ids are"
                        + " version 7 UUIDs");
    }

    @Test
    void of_refuses_null_with_EC1002() {
        assertThatThrownBy(() -> EventId.of(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("EC1002 event id must not be null");
    }

    @Test
    void the_text_form_parses_back_to_the_same_id() {
        EventId id = EventId.generate();

        assertThat(EventId.parse(id.toString())).isEqualTo(id);
        assertThat(id.toString()).isEqualTo(id.value().toString()).hasSize(36);
        assertThat(EventId.parse("0192f0c4-8c1e-7d3a-9f00-1a2b3c4d5e6f").value().version())
                .isEqualTo(7);
    }

    @Test
    void ids_compare_as_unsigned_128_bit_numbers() {
        EventId small = EventId.of(new UUID(0x0000_0000_0001_7000L, 0x8000_0000_0000_0000L));
        EventId highBitSet = EventId.of(new UUID(0xFFFF_FFFF_FFFF_7000L, 0x8000_0000_0000_0000L));
        EventId sameMsbLargerLsb = EventId.of(new UUID(0x0000_0000_0001_7000L, 0xBFFF_FFFF_FFFF_FFFFL));

        assertThat(highBitSet).isGreaterThan(small);
        assertThat(small).isLessThan(highBitSet);
        assertThat(sameMsbLargerLsb).isGreaterThan(small).isLessThan(highBitSet);
        assertThat(small.compareTo(EventId.of(small.value()))).isZero();
    }
}
