package org.eventcore.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import java.security.Principal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eventcore.CommandRejectedException;
import org.eventcore.StreamId;
import org.eventcore.cdi.fixture.Added;
import org.eventcore.cdi.fixture.Bank;
import org.eventcore.cdi.fixture.EventCoreWeld;
import org.eventcore.cdi.fixture.FakeSecurityContext;
import org.eventcore.cdi.fixture.FixedSecurityServices;
import org.eventcore.cdi.fixture.TellerAdd;
import org.eventcore.cdi.fixture.TestStore;
import org.eventcore.execution.CommandResult;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.security.spi.SecurityServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The bus tells a command who calls it: the container's principal and roles, or nobody, visibly. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CallerTest {

    private final StreamId counter = StreamId.of("counter-" + System.nanoTime());

    @Nested
    @org.jboss.weld.junit5.EnableWeld
    class With_a_principal_and_jakarta_security {

        @org.jboss.weld.junit5.WeldSetup
        WeldInitiator weld = WeldInitiator.from(
                        EventCoreWeld.weld(TestStore.class, Bank.class, FakeSecurityContext.class)
                                .addServices(new FixedSecurityServices("alice")))
                .build();

        @Inject
        CommandBus commands;

        @Test
        void the_command_sees_the_user_and_the_declared_roles_the_caller_is_in() {
            CommandResult<Added> result = commands.execute(new TellerAdd(counter, 3));

            assertThat(result.events()).hasSize(1);
            assertThat(result.events().get(0).metadata().user()).contains("alice");
        }
    }

    @Nested
    @org.jboss.weld.junit5.EnableWeld
    class With_a_principal_but_no_jakarta_security {

        @org.jboss.weld.junit5.WeldSetup
        WeldInitiator weld = WeldInitiator.from(
                        EventCoreWeld.weld(TestStore.class, Bank.class).addServices(new FixedSecurityServices("alice")))
                .build();

        @Inject
        CommandBus commands;

        @Test
        void the_user_is_in_no_role_and_a_warning_says_why() {
            List<String> warnings = capture();
            assertThatThrownBy(() -> commands.execute(new TellerAdd(counter, 3)))
                    .isInstanceOf(CommandRejectedException.class)
                    .hasMessageContaining("only the role teller may do this, and alice is not in it");
            assertThat(warnings)
                    .anyMatch(w -> w.startsWith(
                            "EC2014 The caller's roles [auditor, customer, teller] could not be" + " checked"));
        }
    }

    @Nested
    @org.jboss.weld.junit5.EnableWeld
    class When_the_principal_cannot_be_read {

        @org.jboss.weld.junit5.WeldSetup
        WeldInitiator weld = WeldInitiator.from(
                        EventCoreWeld.weld(TestStore.class, Bank.class, FakeSecurityContext.class)
                                .addServices(new BrokenSecurityServices()))
                .build();

        @Inject
        CommandBus commands;

        @Test
        void the_command_runs_for_nobody_rejects_and_a_warning_names_the_failure() {
            List<String> warnings = capture();
            assertThatThrownBy(() -> commands.execute(new TellerAdd(counter, 3)))
                    .isInstanceOf(CommandRejectedException.class)
                    .hasMessageContaining("an authenticated user is required, and this command runs for none");
            assertThat(warnings)
                    .anyMatch(w -> w.startsWith("EC2013 The caller principal could not be read")
                            && w.contains("the security layer is down"));
        }
    }

    /** A security layer that fails to say who the caller is. */
    static final class BrokenSecurityServices implements SecurityServices {
        @Override
        public Principal getPrincipal() {
            throw new IllegalStateException("the security layer is down");
        }

        @Override
        public void cleanup() {}
    }

    private static final Logger JUL = Logger.getLogger("org.eventcore.cdi.internal.CallerIdentity");
    private static final List<Handler> HANDLERS = new CopyOnWriteArrayList<>();

    /** The messages the caller identity logs from now on, until the test ends. */
    private static List<String> capture() {
        List<String> messages = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                messages.add(record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        JUL.addHandler(handler);
        HANDLERS.add(handler);
        return messages;
    }

    @AfterEach
    void release() {
        HANDLERS.forEach(JUL::removeHandler);
        HANDLERS.clear();
    }
}
