package org.eventcore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.eventcore.messages.ApiMessages;

/**
 * The streams a command declares with {@link Stream}, as a class the executor can find without
 * scanning the class path: for a command {@code com.acme.TransferMoney} it is
 * {@code com.acme.TransferMoneyStreams}; for a nested command {@code com.acme.Bank.Transfer} it is
 * {@code com.acme.Bank_TransferStreams}. It is loaded through the command's own class loader and
 * needs a public no-argument constructor.
 *
 * <p>The annotation processor ({@code eventcore-processor}) generates these classes. Besides the two
 * methods below, a declarations class offers one static accessor per {@code @Stream} member that
 * returns the member's {@link StreamHandle}(s), for use in {@link Command#handle}:
 *
 * <pre>{@code
 * decision.emit(TransferMoneyStreams.from(this), new MoneyWithdrawn(amount));
 * }</pre>
 *
 * <p>Handles can only be made by subclasses of this class (through {@link #handleOf}), which is what
 * keeps {@code emit} closed to made-up streams; the executor checks every write at run time as well.
 * A declarations class may be written by hand the same way; it must extend this class.
 *
 * <p>Implementations are stateless and thread-safe.
 *
 * @param <C> the command type
 */
public abstract class StreamDeclarations<C> {

    /** For subclasses. */
    protected StreamDeclarations() {}

    /**
     * The simple name of the declarations class of a command, from the command's name relative to its
     * package, its enclosing types separated by {@code .}: {@code TransferMoney} gives
     * {@code TransferMoneyStreams}, {@code Bank.Transfer} gives {@code Bank_TransferStreams}. The
     * processor names the class it generates this way, and the executor looks it up by this name, in
     * the command's package.
     *
     * @throws IllegalArgumentException if the name is blank
     */
    public static String simpleNameFor(String commandNameInPackage) {
        if (commandNameInPackage.isBlank()) {
            throw new IllegalArgumentException(ApiMessages.blankCommandName());
        }
        return commandNameInPackage.replace('.', '_') + "Streams";
    }

    /** The command these declarations serve. */
    public abstract Class<C> commandType();

    /**
     * The declared streams of one command instance, in declaration order (duplicates are allowed and
     * count once).
     *
     * @throws CommandDefinitionException if a {@code @Stream} member is null
     */
    public abstract List<StreamId> streams(C command);

    /**
     * The tag queries of one command instance, its {@link Consistency @Consistency} members in
     * declaration order. The default has none (declarations written before tag queries).
     *
     * @throws CommandDefinitionException if a {@code @Consistency} member is null
     */
    public List<TagQuery> queries(C command) {
        return List.of();
    }

    /**
     * Returns the value of the {@code @Consistency} member {@code member}.
     *
     * @throws CommandDefinitionException (EC1113) if it is null
     */
    protected static TagQuery requireQuery(Class<?> commandType, String member, TagQuery value) {
        if (value == null) {
            throw new CommandDefinitionException(ApiMessages.nullConsistencyMember(member, commandType.getName()));
        }
        return value;
    }

    /** The handle of {@code stream} for command type {@code commandType}. */
    protected static <C> StreamHandle<C> handleOf(Class<C> commandType, StreamId stream) {
        return new StreamHandle<>(commandType, stream);
    }

    /** The handles of {@code streams}, in their order. */
    protected static <C> List<StreamHandle<C>> handlesOf(Class<C> commandType, Collection<StreamId> streams) {
        List<StreamHandle<C>> handles = new ArrayList<>(streams.size());
        for (StreamId stream : streams) {
            handles.add(new StreamHandle<>(commandType, stream));
        }
        return List.copyOf(handles);
    }

    /**
     * Returns the value of the single-stream member {@code member}.
     *
     * @throws CommandDefinitionException (EC1109) if it is null
     */
    protected static StreamId requireMember(Class<?> commandType, String member, StreamId value) {
        if (value == null) {
            throw new CommandDefinitionException(
                    ApiMessages.nullStreamMember(member, commandType.getSimpleName(), null));
        }
        return value;
    }

    /**
     * Returns the streams of the collection member {@code member}, in its iteration order.
     *
     * @throws CommandDefinitionException (EC1109) if the collection or one of its elements is null
     */
    protected static List<StreamId> requireMembers(
            Class<?> commandType, String member, Collection<? extends StreamId> values) {
        if (values == null) {
            throw new CommandDefinitionException(
                    ApiMessages.nullStreamMember(member, commandType.getSimpleName(), null));
        }
        List<StreamId> streams = new ArrayList<>(values.size());
        int index = 0;
        for (StreamId stream : values) {
            if (stream == null) {
                throw new CommandDefinitionException(
                        ApiMessages.nullStreamMember(member, commandType.getSimpleName(), index));
            }
            streams.add(stream);
            index++;
        }
        return streams;
    }
}
