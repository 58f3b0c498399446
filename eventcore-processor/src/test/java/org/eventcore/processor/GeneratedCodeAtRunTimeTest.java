package org.eventcore.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.eventcore.Command;
import org.eventcore.CommandDefinitionException;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.execution.CommandExecutor;
import org.eventcore.execution.CommandResult;
import org.eventcore.inmemory.InMemoryEventStore;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The executor finds the generated declarations by name through the command's class loader. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GeneratedCodeAtRunTimeTest {

    /** Loads the classes of a compilation, parent-first for everything else. */
    static final class CompiledClasses extends ClassLoader {
        private final Map<String, byte[]> classes = new HashMap<>();

        CompiledClasses(Compilation compilation) {
            super(GeneratedCodeAtRunTimeTest.class.getClassLoader());
            for (JavaFileObject f : compilation.generatedFiles()) {
                if (f.getKind() == JavaFileObject.Kind.CLASS) {
                    String name = f.getName()
                            .replaceFirst("^/CLASS_OUTPUT/", "")
                            .replaceAll("\\.class$", "")
                            .replace('/', '.');
                    try (InputStream in = f.openInputStream()) {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        in.transferTo(bytes);
                        classes.put(name, bytes.toByteArray());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static CommandResult<Object> execute(CommandExecutor executor, Object command) {
        return executor.execute((Command) command);
    }

    static Object newCommand(ClassLoader loader, String name, Object... args) throws Exception {
        Class<?> type = loader.loadClass(name);
        return type.getDeclaredConstructors()[0].newInstance(args);
    }

    @Test
    void a_command_with_generated_declarations_runs_and_writes_to_each_declared_stream() throws Exception {
        Compilation compilation = Sources.compile(Sources.TRANSFER, Sources.PLACE_ORDER);
        assertThat(compilation).succeeded();
        ClassLoader loader = new CompiledClasses(compilation);
        CommandExecutor executor = CommandExecutor.create(InMemoryEventStore.create());
        StreamId alice = StreamId.of("alice");
        StreamId bob = StreamId.of("bob");

        CommandResult<Object> transfer = execute(executor, newCommand(loader, "com.acme.Transfer", alice, bob, 5L));
        assertThat(transfer.events()).extracting(StoredEvent::streamId).containsExactly(alice, bob);

        List<StreamId> products = List.of(StreamId.of("p1"), StreamId.of("p2"), StreamId.of("p3"));
        CommandResult<Object> order =
                execute(executor, newCommand(loader, "com.acme.PlaceOrder", alice, products, "note"));
        assertThat(order.events())
                .extracting(StoredEvent::streamId)
                .containsExactly(products.get(0), products.get(1), products.get(2), alice);
    }

    @Test
    void a_null_stream_member_fails_with_a_message_naming_the_member() throws Exception {
        Compilation compilation = Sources.compile(Sources.TRANSFER);
        ClassLoader loader = new CompiledClasses(compilation);
        CommandExecutor executor = CommandExecutor.create(InMemoryEventStore.create());
        Object command = newCommand(loader, "com.acme.Transfer", StreamId.of("alice"), null, 5L);

        assertThatThrownBy(() -> execute(executor, command))
                .isInstanceOf(CommandDefinitionException.class)
                .hasMessage(
                        "EC1109 @Stream member 'to' of command Transfer is null: every declared stream must be set");
    }

    @Test
    void a_command_compiled_without_the_processor_fails_with_instructions() throws Exception {
        Compilation compilation = com.google.testing.compile.Compiler.javac()
                .withOptions("-proc:none")
                .compile(Sources.withDomain(Sources.source(
                        "com.acme.Lone",
                        "package com.acme;\n\n" + Sources.IMPORTS + """

                        public record Lone(@Stream StreamId account) implements Command<Lone, Count, Moved> {
                        """ + Sources.commandBody("Lone", "") + "}\n")));
        assertThat(compilation).succeeded();
        ClassLoader loader = new CompiledClasses(compilation);
        CommandExecutor executor = CommandExecutor.create(InMemoryEventStore.create());
        Object command = newCommand(loader, "com.acme.Lone", StreamId.of("a"));

        assertThatThrownBy(() -> execute(executor, command))
                .isInstanceOf(CommandDefinitionException.class)
                .hasMessageStartingWith("EC1101 No stream declarations for command com.acme.Lone: class"
                        + " com.acme.LoneStreams was not found through the command's class loader.")
                .hasMessageContaining("org.eventcore:eventcore-processor")
                .hasMessageContaining("<annotationProcessorPaths>");
    }

    @Test
    void a_command_declared_inside_a_method_is_refused_at_run_time_with_the_fix() throws Exception {
        Compilation compilation = Sources.compile(Sources.source(
                "com.acme.Factory",
                "package com.acme;\n\n"
                        + Sources.IMPORTS + """

                public class Factory {
                    public static Object make(StreamId account) {
                        record Local(@Stream StreamId account) implements Command<Local, Count, Moved> {
                """
                        + Sources.commandBody("Local", "").indent(8) + """
                        }
                        return new Local(account);
                    }
                }
                """));
        assertThat(compilation).succeeded();
        ClassLoader loader = new CompiledClasses(compilation);
        Object command = loader.loadClass("com.acme.Factory")
                .getMethod("make", StreamId.class)
                .invoke(null, StreamId.of("a"));
        CommandExecutor executor = CommandExecutor.create(InMemoryEventStore.create());

        assertThatThrownBy(() -> execute(executor, command))
                .isInstanceOf(CommandDefinitionException.class)
                .hasMessageStartingWith("EC1110 Command com.acme.Factory$1Local is declared inside a method")
                .hasMessageEndingWith("Declare the command at top level or as a static nested type");
    }
}
