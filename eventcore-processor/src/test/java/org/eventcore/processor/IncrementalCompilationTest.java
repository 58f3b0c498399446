package org.eventcore.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.eventcore.StreamId;
import org.eventcore.execution.CommandExecutor;
import org.eventcore.inmemory.InMemoryEventStore;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an incremental build does: compile everything, then recompile one changed command alone
 * against the earlier output. The other command's generated declarations must stay valid.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class IncrementalCompilationTest {

    @TempDir
    Path dir;

    private boolean javac(Path classes, Path generated, List<JavaFileObject> sources) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, null)) {
            String classpath = System.getProperty("java.class.path") + File.pathSeparator + classes;
            List<String> options = List.of(
                    "--release", "17", "-d", classes.toString(), "-s", generated.toString(), "-classpath", classpath);
            JavaCompiler.CompilationTask task = compiler.getTask(diagnostics, files, null, options, null, sources);
            task.setProcessors(List.of(new StreamDeclarationsProcessor()));
            boolean ok = task.call();
            assertThat(diagnostics.toString()).as("compiler output").doesNotContain("error");
            return ok;
        }
    }

    @Test
    void recompiling_one_command_alone_keeps_the_other_commands_declarations_working() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path generated = Files.createDirectories(dir.resolve("generated"));
        assertThat(javac(classes, generated, Sources.withDomain(Sources.TRANSFER, Sources.PLACE_ORDER)))
                .isTrue();
        long placeOrderStreamsModified = Files.getLastModifiedTime(classes.resolve("com/acme/PlaceOrderStreams.class"))
                .toMillis();

        JavaFileObject changedTransfer = Sources.source(
                "com.acme.Transfer",
                Sources.TRANSFER
                        .getCharContent(false)
                        .toString()
                        .replace("long amount)", "long amount, String reason)"));
        assertThat(javac(classes, generated, List.of(changedTransfer))).isTrue();

        assertThat(classes.resolve("com/acme/PlaceOrderStreams.class")).exists();
        assertThat(Files.getLastModifiedTime(classes.resolve("com/acme/PlaceOrderStreams.class"))
                        .toMillis())
                .isEqualTo(placeOrderStreamsModified);
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            CommandExecutor executor = CommandExecutor.create(InMemoryEventStore.create());
            StreamId a = StreamId.of("a");
            Object transfer = GeneratedCodeAtRunTimeTest.newCommand(
                    loader, "com.acme.Transfer", a, StreamId.of("b"), 1L, "because");
            Object order = GeneratedCodeAtRunTimeTest.newCommand(
                    loader, "com.acme.PlaceOrder", a, new ArrayList<>(List.of(StreamId.of("p"))), "n");
            assertThat(GeneratedCodeAtRunTimeTest.execute(executor, transfer).events())
                    .hasSize(2);
            assertThat(GeneratedCodeAtRunTimeTest.execute(executor, order).events())
                    .hasSize(2);
        }
    }
}
