package org.eventcore.sample.banking;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.sample.banking.AccountEvent.AccountOpened;
import org.eventcore.sample.banking.AccountEvent.MoneyDeposited;
import org.eventcore.sample.banking.AccountEvent.MoneyWithdrawn;

/** The state of the accounts a command reads, folded from their events. Immutable. */
public record Accounts(Map<StreamId, Account> byStream) {

    /** An account id: 1 to 63 lowercase letters, digits or dashes, beginning with a letter or digit. */
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private static final String PREFIX = "account-";

    /** One account: whether it is open, its owner and its balance in cents. */
    public record Account(boolean open, String owner, long balance) {
        static final Account UNKNOWN = new Account(false, "", 0);

        /** Whether {@code user} owns this open account. */
        public boolean isOpenFor(String user) {
            return open && owner.equals(user);
        }
    }

    public static final Accounts NONE = new Accounts(Map.of());

    public Accounts {
        byStream = Map.copyOf(byStream);
    }

    /** The account of {@code stream}; not open if it has no events. */
    public Account of(StreamId stream) {
        return byStream.getOrDefault(stream, Account.UNKNOWN);
    }

    /** This state with {@code event} applied; every sum is overflow-checked. */
    public Accounts apply(StoredEvent<AccountEvent> event) {
        Account a = of(event.streamId());
        Account next = a;
        if (event.payload() instanceof AccountOpened opened) {
            next = new Account(true, opened.owner(), 0);
        } else if (event.payload() instanceof MoneyDeposited d) {
            next = new Account(a.open(), a.owner(), Math.addExact(a.balance(), d.cents()));
        } else if (event.payload() instanceof MoneyWithdrawn w) {
            next = new Account(a.open(), a.owner(), Math.subtractExact(a.balance(), w.cents()));
        }
        Map<StreamId, Account> copy = new HashMap<>(byStream);
        copy.put(event.streamId(), next);
        return new Accounts(copy);
    }

    /**
     * The stream of the account with {@code id}, for example {@code account-alice-1}.
     *
     * @throws IllegalArgumentException if {@code id} is not 1 to 63 lowercase letters, digits or dashes
     */
    public static StreamId stream(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("an account id is 1 to 63 lowercase letters, digits or dashes,"
                    + " beginning with a letter or a digit");
        }
        return StreamId.of(PREFIX + id);
    }

    /** The id of the account of {@code stream} ({@code alice-1} for {@code account-alice-1}). */
    public static String idOf(StreamId stream) {
        return stream.value().substring(PREFIX.length());
    }

    /** Whether {@code id} is an id {@code user} may open: their name, a dash and more, like {@code alice-1}. */
    public static boolean belongsTo(String id, String user) {
        return id.startsWith(user + "-") && id.length() > user.length() + 1;
    }
}
