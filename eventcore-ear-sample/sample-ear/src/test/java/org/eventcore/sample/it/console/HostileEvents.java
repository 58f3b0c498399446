package org.eventcore.sample.it.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eventcore.CommandId;
import org.eventcore.EventId;
import org.eventcore.EventMetadata;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;
import org.eventcore.sample.banking.AccountEvent.AccountOpened;
import org.eventcore.sample.banking.AccountEvent.MoneyDeposited;
import org.eventcore.spi.AppendRequest;
import org.eventcore.spi.EventStore;
import org.eventcore.spi.PendingEvent;

/**
 * Test only, added to the sample's WAR by the console's tests: writes, straight through the application's store,
 * events no command of the sample would write: markup in the stream id, the payload and the metadata; and a run of
 * deposits for {@link SlowTally}. Under the sample's {@code /api}, for its customers.
 */
@Path("test-console")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HostileEvents {

    @Inject
    EventStore store;

    @POST
    @Path("hostile/{run}")
    @Transactional
    public JsonObject hostile(@PathParam("run") String run) {
        StreamId stream = StreamId.of("account-" + run + "-" + Hostile.STREAM);
        CommandId command = CommandId.generate();
        EventId event = EventId.generate();
        store.append(new AppendRequest(
                command,
                Map.of(stream, StreamVersion.NONE),
                List.of(new PendingEvent(
                        event,
                        stream,
                        new AccountOpened(Hostile.PAYLOAD),
                        new EventMetadata(
                                "correlation-" + run,
                                command,
                                Optional.of("alice"),
                                Instant.now(),
                                Map.of("note", Hostile.METADATA))))));
        return Json.createObjectBuilder()
                .add("streamId", stream.value())
                .add("commandId", command.value())
                .add("eventId", event.toString())
                .build();
    }

    /** An account {@code slow-<run>} opened with {@code count} deposits, which {@link SlowTally} handles slowly. */
    @POST
    @Path("slow/{run}/{count}")
    @Transactional
    public JsonObject slow(@PathParam("run") String run, @PathParam("count") int count) {
        StreamId stream = StreamId.of(SlowTally.PREFIX + run);
        CommandId command = CommandId.generate();
        List<PendingEvent> events = new java.util.ArrayList<>();
        // an account like any other, so that the sample's own projections handle its deposits as usual
        events.add(new PendingEvent(
                EventId.generate(),
                stream,
                new AccountOpened("alice"),
                EventMetadata.of(command.value(), command, Instant.now())));
        for (int i = 0; i < count; i++) {
            events.add(new PendingEvent(
                    EventId.generate(),
                    stream,
                    new MoneyDeposited(1),
                    EventMetadata.of(command.value(), command, Instant.now())));
        }
        store.append(new AppendRequest(command, Map.of(stream, StreamVersion.NONE), events));
        return Json.createObjectBuilder().add("commandId", command.value()).build();
    }
}
