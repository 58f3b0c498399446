package org.eventcore.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.eventcore.GlobalPosition;
import org.junit.jupiter.api.Test;

class LogQueryTest {

    private static LoggedEvent event(long position, String stream, String type, Instant at) {
        return new LoggedEvent(
                GlobalPosition.of(1, position),
                "e" + position,
                stream,
                position,
                type,
                1,
                Optional.of(new byte[] {1}),
                Optional.empty(),
                "corr",
                "cmd",
                Optional.empty(),
                at,
                "{}");
    }

    @Test
    void limitsAndFiltersAreChecked() {
        assertThatThrownBy(() -> LogQuery.newest(0))
                .hasMessageStartingWith("EC1016")
                .hasMessageContaining("limit 0");
        assertThatThrownBy(() -> LogQuery.newest(LogQuery.MAX_LIMIT + 1)).hasMessageStartingWith("EC1016");
        assertThatThrownBy(() -> LogQuery.newest(5).streamPrefix(""))
                .hasMessageStartingWith("EC1016")
                .hasMessageContaining("streamPrefix is empty");
        assertThatThrownBy(() -> LogQuery.newest(5).eventType("x".repeat(256))).hasMessageContaining("256 characters");
        Instant now = Instant.now();
        assertThatThrownBy(() -> LogQuery.newest(5).recorded(now, now)).hasMessageContaining("is empty");
        assertThat(LogQuery.newest(LogQuery.MAX_LIMIT).limit()).isEqualTo(LogQuery.MAX_LIMIT);
    }

    @Test
    void matchesEveryFilter() {
        Instant t = Instant.parse("2026-12-05T10:00:00Z");
        LoggedEvent e = event(10, "account-1", "Deposited", t);
        assertThat(LogQuery.newest(5)
                        .streamPrefix("account-")
                        .eventType("Deposited")
                        .matches(e))
                .isTrue();
        assertThat(LogQuery.newest(5).streamPrefix("order-").matches(e)).isFalse();
        assertThat(LogQuery.newest(5).before(GlobalPosition.of(1, 10)).matches(e))
                .isFalse();
        assertThat(LogQuery.newest(5).before(GlobalPosition.of(1, 11)).matches(e))
                .isTrue();
        assertThat(LogQuery.newest(5).recorded(t, t.plusSeconds(1)).matches(e)).isTrue();
        assertThat(LogQuery.newest(5).recorded(null, t).matches(e)).isFalse();
        assertThat(LogQuery.newest(5).correlationId("other").matches(e)).isFalse();
        assertThat(LogQuery.newest(5).commandId("cmd").streamId("account-1").matches(e))
                .isTrue();
    }

    @Test
    void aLoggedEventHasBytesOrAnObjectAndCopiesItsBytes() {
        byte[] bytes = {1, 2};
        LoggedEvent e = new LoggedEvent(
                GlobalPosition.of(1, 1),
                "e",
                "s",
                1,
                "T",
                1,
                Optional.of(bytes),
                Optional.empty(),
                "c",
                "k",
                Optional.empty(),
                Instant.now(),
                "{}");
        bytes[0] = 9;
        assertThat(e.storedPayload().get()[0]).isEqualTo((byte) 1);
        e.storedPayload().get()[1] = 9;
        assertThat(e.storedPayload().get()[1]).isEqualTo((byte) 2);
        assertThatThrownBy(() -> new LoggedEvent(
                        GlobalPosition.of(1, 1),
                        "e",
                        "s",
                        1,
                        "T",
                        1,
                        Optional.empty(),
                        Optional.empty(),
                        "c",
                        "k",
                        Optional.empty(),
                        Instant.now(),
                        "{}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
