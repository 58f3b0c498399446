package org.eventcore.jpa.evolution;

import jakarta.json.Json;
import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.jsonb.JsonUpcaster;
import org.eventcore.jsonb.JsonbEventSerializer;
import org.eventcore.serialization.EventType;
import org.eventcore.serialization.EventTypeRegistry;

/**
 * An account whose deposit event changed twice after going live: revision 1 was {@code
 * it.evolving.MoneyIn} {"amount"}; revision 2 renamed it {@code it.evolving.Deposited} {"cents",
 * "currency"}; revision 3 added "note", which older events take from their correlation id.
 */
public final class EvolvingAccount {

    private EvolvingAccount() {}

    public sealed interface Entry permits Deposited, Withdrawn {}

    @EventType(name = "it.evolving.Deposited", revision = 3)
    public record Deposited(long cents, String currency, String note) implements Entry {}

    @EventType(name = "it.evolving.Withdrawn")
    public record Withdrawn(long cents) implements Entry {}

    /** The current release's types: the classes and the two steps. */
    public static EventTypeRegistry types() {
        return EventTypeRegistry.builder()
                .registerSealed(Entry.class)
                .upcaster(JsonUpcaster.renaming(
                        "it.evolving.MoneyIn",
                        1,
                        "it.evolving.Deposited",
                        json -> Json.createObjectBuilder()
                                .add("cents", json.getJsonNumber("amount").longValueExact())
                                .add("currency", "EUR")
                                .build()))
                .upcaster(JsonUpcaster.of(
                        "it.evolving.Deposited",
                        2,
                        (json, metadata) -> Json.createObjectBuilder(json)
                                .add("note", "from " + metadata.correlationId())
                                .build()))
                .build();
    }

    public static JsonbEventSerializer serializer() {
        return JsonbEventSerializer.create(types());
    }

    /** Withdraws from the account if its balance (deposits of every revision, less withdrawals) covers it. */
    public record Withdraw(@Stream StreamId account, long cents) implements Command<Withdraw, Long, Entry> {

        @Override
        public Long initialState() {
            return 0L;
        }

        @Override
        public Long apply(Long balance, StoredEvent<Entry> event) {
            return event.payload() instanceof Deposited d
                    ? balance + d.cents()
                    : balance - ((Withdrawn) event.payload()).cents();
        }

        @Override
        public void handle(Long balance, Decision<Withdraw, Entry> decision) {
            require(balance >= cents, "insufficient funds: balance %d, withdrawal %d", balance, cents);
            decision.emit(EvolvingAccount_WithdrawStreams.account(this), new Withdrawn(cents));
        }
    }
}
