package org.eventcore.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eventcore.messages.MessageId;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The message catalogues of all modules against each other, the code and the manual: every message is
 * written by one catalogue method whose id is unique and within its module's range; no main source
 * writes an id anywhere else; the manual's page of message ids lists exactly the catalogues' ids, and
 * no page names an id that does not exist.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MessageCataloguesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** Each module's catalogue, and the first digit of its ids. */
    record Catalogue(String module, String className, char range) {}

    static final List<Catalogue> CATALOGUES = List.of(
            new Catalogue("eventcore-api", "org.eventcore.messages.ApiMessages", '1'),
            new Catalogue("eventcore-jsonb", "org.eventcore.jsonb.messages.JsonbMessages", '1'),
            new Catalogue("eventcore-inmemory", "org.eventcore.inmemory.messages.InMemoryMessages", '1'),
            new Catalogue("eventcore-projection", "org.eventcore.projection.messages.ProjectionMessages", '1'),
            new Catalogue("eventcore-testkit", "org.eventcore.testkit.messages.TestkitMessages", '1'),
            new Catalogue("eventcore-cdi", "org.eventcore.cdi.messages.CdiMessages", '2'),
            new Catalogue("eventcore-jpa", "org.eventcore.jpa.messages.JpaMessages", '3'),
            new Catalogue("eventcore-processor", "org.eventcore.processor.messages.ProcessorMessages", '4'));

    private static final Pattern ID = Pattern.compile("EC(\\d{4})");

    /** A value for a catalogue method's parameter: the types a catalogue may take, plain Java only. */
    private static Object sample(Class<?> type) {
        if (type == String.class || type == CharSequence.class || type == Object.class) {
            return "x";
        }
        if (type == int.class || type == Integer.class) {
            return 1;
        }
        if (type == long.class || type == Long.class) {
            return 1L;
        }
        if (type == double.class || type == Double.class) {
            return 1.0;
        }
        if (type == boolean.class || type == Boolean.class) {
            return false;
        }
        if (type == Class.class) {
            return Object.class;
        }
        if (type == Throwable.class || type == Exception.class || type == RuntimeException.class) {
            return new RuntimeException("x");
        }
        if (type == Duration.class) {
            return Duration.ofSeconds(1);
        }
        if (type == List.class || type == java.util.Collection.class || type == Iterable.class) {
            return List.of("x");
        }
        if (type == Set.class) {
            return Set.of("x");
        }
        if (type == Map.class) {
            return Map.of("x", "y");
        }
        throw new AssertionError(
                "a catalogue method takes " + type.getName() + ": catalogues take plain Java values only");
    }

    /** Every catalogue's ids, by module. */
    static Map<String, Set<Integer>> catalogued() throws Exception {
        Map<String, Set<Integer>> ids = new LinkedHashMap<>();
        for (Catalogue c : CATALOGUES) {
            Set<Integer> own = new TreeSet<>();
            for (Method m : Class.forName(c.className()).getDeclaredMethods()) {
                MessageId id = m.getAnnotation(MessageId.class);
                if (id != null) {
                    own.add(id.value());
                }
            }
            ids.put(c.module(), own);
        }
        return ids;
    }

    @Test
    void every_message_of_a_catalogue_starts_with_its_own_id_which_is_unique_and_in_the_modules_range()
            throws Exception {
        Map<Integer, String> owners = new TreeMap<>();
        for (Catalogue c : CATALOGUES) {
            Class<?> type = Class.forName(c.className());
            assertThat(Modifier.isFinal(type.getModifiers()))
                    .as("%s is final", type)
                    .isTrue();
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                assertThat(Modifier.isPrivate(constructor.getModifiers()))
                        .as("%s has no public constructor", type)
                        .isTrue();
            }
            int methods = 0;
            for (Method m : type.getDeclaredMethods()) {
                MessageId id = m.getAnnotation(MessageId.class);
                if (id == null) {
                    assertThat(Modifier.isPublic(m.getModifiers()))
                            .as(
                                    "%s.%s: every public method of a catalogue writes one message",
                                    type.getSimpleName(), m.getName())
                            .isFalse();
                    continue;
                }
                methods++;
                String code = String.format("%04d", id.value());
                assertThat(code.charAt(0))
                        .as(
                                "%s.%s: EC%s is outside the range of %s",
                                type.getSimpleName(), m.getName(), code, c.module())
                        .isEqualTo(c.range());
                String earlier = owners.put(id.value(), type.getSimpleName() + "." + m.getName());
                assertThat(earlier)
                        .as("EC%s is written by one method only", code)
                        .isNull();
                assertThat(Modifier.isStatic(m.getModifiers()) && Modifier.isPublic(m.getModifiers()))
                        .as("%s.%s is public and static", type.getSimpleName(), m.getName())
                        .isTrue();
                assertThat(m.getReturnType()).isEqualTo(String.class);
                Object[] args = new Object[m.getParameterCount()];
                Parameter[] parameters = m.getParameters();
                for (int i = 0; i < args.length; i++) {
                    args[i] = sample(parameters[i].getType());
                }
                String message = (String) m.invoke(null, args);
                assertThat(message)
                        .as("%s.%s", type.getSimpleName(), m.getName())
                        .startsWith("EC" + code + " ");
                assertThat(ID.matcher(message.substring(6)).find())
                        .as("%s.%s names no second id: %s", type.getSimpleName(), m.getName(), message)
                        .isFalse();
            }
            assertThat(methods).as("%s has messages", type.getSimpleName()).isPositive();
        }
    }

    /** The string literals that start with a message id in the main sources, outside the catalogues. */
    @Test
    void no_main_source_writes_a_message_id_outside_its_modules_catalogue() throws IOException {
        Pattern literal = Pattern.compile("\"EC\\d{4}");
        List<String> found = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path module : modules.filter(p -> p.getFileName().toString().startsWith("eventcore-"))
                    .toList()) {
                for (Path main : List.of(module.resolve("src/main/java"))) {
                    if (!Files.isDirectory(main)) {
                        continue;
                    }
                    try (Stream<Path> files = Files.walk(main)) {
                        for (Path f : files.filter(p -> p.toString().endsWith(".java"))
                                .toList()) {
                            if (f.getParent().getFileName().toString().equals("messages")) {
                                continue;
                            }
                            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                            for (int i = 0; i < lines.size(); i++) {
                                if (literal.matcher(lines.get(i)).find()) {
                                    found.add(ROOT.relativize(f) + ":" + (i + 1) + ": "
                                            + lines.get(i).strip());
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(found).as("message ids written outside the catalogues").isEmpty();
    }

    @Test
    void the_manuals_page_of_message_ids_lists_exactly_the_ids_of_each_catalogue() throws Exception {
        String page = Files.readString(ROOT.resolve("src/site/markdown/messages.md"), StandardCharsets.UTF_8);
        Map<String, Set<Integer>> listed = new LinkedHashMap<>();
        String module = null;
        for (String line : page.split("\n")) {
            Matcher heading = Pattern.compile("^## `(eventcore-[a-z]+)`").matcher(line);
            if (heading.find()) {
                module = heading.group(1);
                listed.put(module, new TreeSet<>());
                continue;
            }
            if (module != null && line.startsWith("| `EC")) {
                Matcher id = ID.matcher(line.substring(0, line.indexOf('|', 1)));
                while (id.find()) {
                    listed.get(module).add(Integer.parseInt(id.group(1)));
                }
            }
        }
        assertThat(listed).isEqualTo(catalogued());
    }

    @Test
    void no_page_of_the_manual_names_a_message_id_that_does_not_exist() throws Exception {
        Set<Integer> all =
                catalogued().values().stream().flatMap(Set::stream).collect(Collectors.toCollection(TreeSet::new));
        Map<String, Set<String>> unknown = new TreeMap<>();
        // the changelog is not checked: it names the ids that were retired, too
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> site = Files.walk(ROOT.resolve("src/site/markdown"))) {
            site.filter(p -> p.toString().endsWith(".md")).forEach(pages::add);
        }
        for (Path page : pages) {
            String text = Files.readString(page, StandardCharsets.UTF_8);
            Matcher m = ID.matcher(text);
            while (m.find()) {
                int id = Integer.parseInt(m.group(1));
                if (!all.contains(id)) {
                    unknown.computeIfAbsent(ROOT.relativize(page).toString(), k -> new TreeSet<>())
                            .add(m.group());
                }
            }
        }
        assertThat(unknown).as("ids the manual names that no catalogue writes").isEmpty();
    }
}
