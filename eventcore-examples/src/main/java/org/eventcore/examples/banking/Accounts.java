package org.eventcore.examples.banking;

import java.util.regex.Pattern;
import org.eventcore.StreamId;

/** Account numbers and their streams. */
public final class Accounts {

    private static final Pattern NUMBER = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private Accounts() {}

    /**
     * The stream of account {@code number} ({@code account-<number>}).
     *
     * @throws IllegalArgumentException if the number is not 1 to 63 lowercase letters, digits or dashes
     */
    public static StreamId stream(String number) {
        if (number == null || !NUMBER.matcher(number).matches()) {
            throw new IllegalArgumentException(
                    "An account number is 1 to 63 lowercase letters, digits or dashes, was \"" + number + "\"");
        }
        return StreamId.of("account-" + number);
    }
}
