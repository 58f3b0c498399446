package org.eventcore.bench.model;

import org.eventcore.Command;
import org.eventcore.Consistency;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.Tag;
import org.eventcore.TagQuery;
import org.eventcore.bench.model.BenchEvent.Deposited;

/**
 * W5: W1's deposit with a tag query for its boundary instead of the account's stream: read the deposits
 * tagged with the account, fold them into its balance, append one tagged deposit to a receipt stream of its
 * own, on the condition that no deposit to the account was appended since the read.
 */
public record TaggedDeposit(@Stream StreamId receipt, String account, long cents)
        implements Command<TaggedDeposit, Long, BenchEvent> {

    /** The account's tag. */
    Tag accountTag() {
        return Tag.of("account", account);
    }

    /** The account's deposits, wherever they were written. */
    @Consistency
    TagQuery deposits() {
        return TagQuery.tagged(accountTag());
    }

    @Override
    public Long initialState() {
        return 0L;
    }

    @Override
    public Long apply(Long balance, StoredEvent<BenchEvent> event) {
        return BenchEvent.balance(balance, event.payload());
    }

    @Override
    public void handle(Long balance, Decision<TaggedDeposit, BenchEvent> decision) {
        require(cents > 0, "a deposit must be more than zero, was %d", cents);
        decision.emitTagged(TaggedDepositStreams.receipt(this), new Deposited(cents), accountTag());
    }
}
