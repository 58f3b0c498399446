package org.eventcore.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import java.util.Set;
import org.eventcore.StreamId;
import org.eventcore.cdi.fixture.Add;
import org.eventcore.cdi.fixture.AuditingBus;
import org.eventcore.cdi.fixture.ImpatientAdd;
import org.eventcore.cdi.fixture.TestStore;
import org.eventcore.cdi.fixture.ValidatedTransfer;
import org.eventcore.cdi.fixture.ValidatedTransfer.Note;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Bean Validation before the first attempt, and the application's own decorator around the bus. */
@EnableWeld
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ValidationAndDecoratorTest {

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(org.eventcore.cdi.fixture.EventCoreWeld.weld(
                    TestStore.class,
                    org.eventcore.cdi.fixture.ProjectionInfrastructure.class,
                    // enabled for the application by its @Priority, as in a WAR or an EAR
                    AuditingBus.class))
            .build();

    @Inject
    CommandBus commands;

    @Inject
    TestStore store;

    private final StreamId a = StreamId.of("validated-a-" + System.nanoTime());
    private final StreamId b = StreamId.of("validated-b-" + System.nanoTime());

    @BeforeEach
    void clearAudit() {
        AuditingBus.AUDIT.clear();
    }

    @Test
    void a_valid_command_runs() {
        assertThat(commands.execute(new ValidatedTransfer(a, b, 5, new Note("rent")))
                        .events())
                .hasSize(2);
    }

    @Test
    void an_invalid_command_is_refused_before_anything_is_read_naming_every_violated_constraint() {
        assertThatThrownBy(() -> commands.execute(new ValidatedTransfer(a, null, 0, new Note(" ".repeat(21)))))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> {
                    assertThat(e.commandType()).isEqualTo("ValidatedTransfer");
                    assertThat(e.isRetriable()).isFalse();
                    assertThat(e.violations())
                            .extracting(InvalidCommandException.Violation::toString)
                            .containsExactly(
                                    "amount: must be greater than 0",
                                    "note.text: must not be blank",
                                    "note.text: size must be between 0 and 20",
                                    "to: must not be null");
                    assertThat(e.getMessage())
                            .isEqualTo("EC2062 Command ValidatedTransfer is invalid, nothing was written:"
                                    + " amount: must be greater than 0; note.text: must not be blank;"
                                    + " note.text: size must be between 0 and 20; to: must not be null");
                });
        assertThat(store.readTransactions()).as("not one read").isEmpty();
        assertThat(store.inner().read(Set.of(a)).get(a).events()).isEmpty();
    }

    @Test
    void an_invalid_command_executed_asynchronously_completes_with_the_violations() {
        assertThat(commands.executeAsync(new ValidatedTransfer(a, b, -1, new Note("ok")))
                        .toCompletableFuture())
                .failsWithin(java.time.Duration.ofSeconds(10))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(InvalidCommandException.class)
                .withMessageContaining("amount: must be greater than 0");
    }

    @Test
    void the_applications_decorator_wraps_every_command_and_sees_its_outcome() {
        commands.execute(new Add(a, 5));
        assertThatThrownBy(() -> commands.execute(new Add(a, 200))).hasMessageContaining("would pass 100");
        assertThatThrownBy(() -> commands.execute(new ImpatientAdd(a, 1)))
                .isInstanceOf(SecurityException.class)
                .hasMessage("the caller may not run ImpatientAdd");
        assertThatThrownBy(() -> commands.execute(new ValidatedTransfer(a, b, 0, new Note("x"))))
                .isInstanceOf(InvalidCommandException.class);
        assertThat(AuditingBus.AUDIT)
                .containsExactly(
                        "before Add",
                        "after Add: 1 events",
                        "before Add",
                        "failed Add: CommandRejectedException",
                        "refused ImpatientAdd",
                        "before ValidatedTransfer",
                        "failed ValidatedTransfer: InvalidCommandException");
        assertThat(store.inner().read(Set.of(a)).get(a).events())
                .as("the refused command wrote nothing")
                .hasSize(1);
    }
}
