package org.eventcore.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/** Command sources used by the processor tests, and a compiler with the processor. */
final class Sources {

    private Sources() {}

    static Compiler javac() {
        return Compiler.javac()
                .withProcessors(new StreamDeclarationsProcessor())
                .withOptions("--release", "17");
    }

    static Compilation compile(JavaFileObject... sources) {
        return javac().compile(withDomain(sources));
    }

    /** Adds the shared event and state types to {@code sources}. */
    static List<JavaFileObject> withDomain(JavaFileObject... sources) {
        List<JavaFileObject> all = new ArrayList<>(List.of(sources));
        all.add(EVENT);
        all.add(COUNT);
        return all;
    }

    static JavaFileObject source(String qualifiedName, String code) {
        return JavaFileObjects.forSourceString(qualifiedName, code);
    }

    static final JavaFileObject EVENT = source("com.acme.Moved", """
            package com.acme;

            public record Moved(long amount) {}
            """);

    static final JavaFileObject COUNT = source("com.acme.Count", """
            package com.acme;

            public record Count(long value) {
                public static final Count ZERO = new Count(0);
            }
            """);

    /** The body every test command shares: a count of events, and a handle() given per command. */
    static String commandBody(String command, String handleBody) {
        return """
                    @Override
                    public Count initialState() {
                        return Count.ZERO;
                    }

                    @Override
                    public Count apply(Count state, StoredEvent<Moved> event) {
                        return new Count(state.value() + 1);
                    }

                    @Override
                    public void handle(Count state, Decision<%s, Moved> decision) {
                %s
                    }
                """.formatted(command, handleBody.indent(8).stripTrailing());
    }

    static final String IMPORTS = """
            import java.util.List;
            import java.util.Set;
            import org.eventcore.Command;
            import org.eventcore.Decision;
            import org.eventcore.StoredEvent;
            import org.eventcore.Stream;
            import org.eventcore.StreamId;
            """;

    static final JavaFileObject TRANSFER =
            source("com.acme.Transfer", "package com.acme;\n\n" + IMPORTS + """

            public record Transfer(@Stream StreamId from, @Stream StreamId to, long amount)
                    implements Command<Transfer, Count, Moved> {
            """ + commandBody("Transfer", """
            decision.emit(TransferStreams.from(this), new Moved(-amount));
            decision.emit(TransferStreams.to(this), new Moved(amount));""") + "}\n");

    static final JavaFileObject PLACE_ORDER = source(
            "com.acme.PlaceOrder", "package com.acme;\n\n" + IMPORTS + """

            public record PlaceOrder(@Stream StreamId customer, @Stream List<StreamId> products, String note)
                    implements Command<PlaceOrder, Count, Moved> {
            """ + commandBody("PlaceOrder", """
            for (var product : PlaceOrderStreams.products(this)) {
                decision.emit(product, new Moved(1));
            }
            decision.emit(PlaceOrderStreams.customer(this), new Moved(products.size()));""") + "}\n");

    static final JavaFileObject ADJUST =
            source("com.acme.Adjust", "package com.acme;\n\n" + IMPORTS + """

            public final class Adjust implements Command<Adjust, Count, Moved> {
                @Stream
                private final StreamId account;

                @Stream
                final Set<StreamId> audits;

                public Adjust(StreamId account, Set<StreamId> audits) {
                    this.account = account;
                    this.audits = audits;
                }

                public StreamId getAccount() {
                    return account;
                }

            """ + commandBody("Adjust", """
            decision.emit(AdjustStreams.account(this), new Moved(0));""") + "}\n");

    static final JavaFileObject BANK = source(
            "com.acme.Bank",
            "package com.acme;\n\n" + IMPORTS + """

            public final class Bank {
                private Bank() {}

                public record Open(@Stream StreamId account) implements Command<Open, Count, Moved> {
            """ + commandBody("Open", """
            decision.emit(Bank_OpenStreams.account(this), new Moved(0));""").indent(4) + "    }\n}\n");
}
