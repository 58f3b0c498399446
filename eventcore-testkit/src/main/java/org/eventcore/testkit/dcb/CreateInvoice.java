package org.eventcore.testkit.dcb;

import java.util.Set;
import org.eventcore.Command;
import org.eventcore.Consistency;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.TagQuery;
import org.eventcore.testkit.dcb.DcbEvent.InvoiceCreated;

/**
 * Creates an invoice with the next number of its series, without gaps: the rule reads the series' invoices
 * (their shared tag) and takes the number after the highest.
 */
public record CreateInvoice(@Stream StreamId invoice, String invoiceId, String series)
        implements Command<CreateInvoice, CreateInvoice.State, DcbEvent> {

    /**
     * @param exists whether this invoice was created before
     * @param last the series' highest number, 0 before the first
     */
    public record State(boolean exists, long last) {}

    /** Creates invoice {@code invoiceId} (stream {@code invoice-<id>}) in {@code series}. */
    public static CreateInvoice of(String invoiceId, String series) {
        return new CreateInvoice(StreamId.of("invoice-" + invoiceId), invoiceId, series);
    }

    /** The series' invoices. */
    @Consistency
    TagQuery seriesInvoices() {
        return TagQuery.of(Set.of(InvoiceCreated.class), DcbTags.invoices(series));
    }

    @Override
    public State initialState() {
        return new State(false, 0);
    }

    @Override
    public State apply(State state, StoredEvent<DcbEvent> event) {
        if (event.payload() instanceof InvoiceCreated c) {
            return new State(
                    state.exists() || c.invoiceId().equals(invoiceId),
                    c.series().equals(series) ? Math.max(state.last(), c.number()) : state.last());
        }
        return state;
    }

    @Override
    public void handle(State state, Decision<CreateInvoice, DcbEvent> decision) {
        require(!state.exists(), "invoice %s exists", invoiceId);
        decision.emitTagged(
                CreateInvoiceStreams.invoice(this),
                new InvoiceCreated(invoiceId, series, state.last() + 1),
                DcbTags.invoices(series));
    }
}
