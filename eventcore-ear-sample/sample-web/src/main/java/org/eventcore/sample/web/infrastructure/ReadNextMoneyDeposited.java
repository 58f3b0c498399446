package org.eventcore.sample.web.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import org.eventcore.EventMetadata;
import org.eventcore.jsonb.JsonUpcaster;

/**
 * The first of the two releases of a rolling upgrade: this release still writes {@code
 * sample.MoneyDeposited} at revision 1 ({@code {"cents": 1000}}), and already reads revision 2, which
 * the next release will write ({@code {"amount": {"cents": 1000, "currency": "EUR"}}}), as revision 1.
 * Once every node runs this release, the next one may be deployed node by node: whichever node a
 * command or a projection runs on reads what the others wrote. The next release has the event at
 * revision 2, an upcaster from 1 to 2, and no longer this step (see {@code RollingUpgradeTest}, and
 * the manual's "Evolving events" page).
 *
 * <p>A bean: EventCore's extension finds it and {@link EventTypes} gives it to the registry.
 */
@ApplicationScoped
public class ReadNextMoneyDeposited implements JsonUpcaster {

    @Override
    public String type() {
        return "sample.MoneyDeposited";
    }

    @Override
    public int revision() {
        return 2;
    }

    /** Reads ahead: from the revision after this release's to this release's. */
    @Override
    public int targetRevision() {
        return 1;
    }

    @Override
    public JsonObject upcast(JsonObject json, EventMetadata metadata) {
        JsonObject amount = json.getJsonObject("amount");
        String currency = amount.getString("currency");
        if (!currency.equals("EUR")) {
            // revision 1 has no currency: refuse rather than read another currency as euros
            throw new IllegalStateException("revision 1 of sample.MoneyDeposited holds euros only, not " + currency);
        }
        return JSON.createObjectBuilder()
                .add("cents", amount.getJsonNumber("cents").longValueExact())
                .build();
    }
}
