package org.eventcore;

import java.util.List;

/**
 * The streams a command declares with {@link Stream}, as a class the executor can find without
 * scanning the class path: for a command {@code com.acme.TransferMoney} it is
 * {@code com.acme.TransferMoneyStreams}; for a nested command {@code com.acme.Bank.Transfer} it is
 * {@code com.acme.Bank_TransferStreams}. It is loaded through the command's own class loader and
 * needs a public no-argument constructor.
 *
 * <p>The annotation processor ({@code eventcore-processor}) generates these classes; they may also be
 * written by hand. Besides this interface, a declarations class offers one static accessor per
 * {@code @Stream} member that returns the member's {@link StreamHandle}(s), for use in
 * {@link Command#handle}.
 *
 * <p>Implementations are stateless and thread-safe.
 *
 * @param <C> the command type
 */
public interface StreamDeclarations<C> {

    /** The command these declarations serve. */
    Class<C> commandType();

    /**
     * The declared streams of one command instance, in declaration order (duplicates are allowed and
     * count once).
     */
    List<StreamId> streams(C command);
}
