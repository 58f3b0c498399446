package org.eventcore.examples.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Every jar of the library is a named module (its {@code Automatic-Module-Name}), no package lies in
 * two of them, and all of them load together in one module layer, as on the module path of an
 * application. Runs after the jars are packaged ({@code verify}).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ModulesIT {

    /** The library's modules by artifact: what each jar must call itself. */
    private static final Map<String, String> MODULES = Map.of(
            "eventcore-api", "org.eventcore.api",
            "eventcore-jsonb", "org.eventcore.jsonb",
            "eventcore-inmemory", "org.eventcore.inmemory",
            "eventcore-projection", "org.eventcore.projection",
            "eventcore-processor", "org.eventcore.processor",
            "eventcore-testkit", "org.eventcore.testkit",
            "eventcore-jpa", "org.eventcore.jpa",
            "eventcore-cdi", "org.eventcore.cdi",
            "eventcore-opentelemetry", "org.eventcore.opentelemetry");

    private static final Pattern JAR = Pattern.compile("(eventcore-[a-z]+)-\\d[^/]*(?<!-tests)\\.jar");

    /** The library's jars on this test's class path, by artifact. */
    private static Map<String, Path> jars() {
        Map<String, Path> jars = new TreeMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            Matcher m = JAR.matcher(path.getFileName().toString());
            if (m.matches() && MODULES.containsKey(m.group(1))) {
                jars.put(m.group(1), path);
            }
        }
        return jars;
    }

    @Test
    void every_jar_of_the_library_names_its_module() throws IOException {
        Map<String, Path> jars = jars();
        assertThat(jars.keySet()).as("the library's jars on the class path").isEqualTo(MODULES.keySet());
        for (Map.Entry<String, Path> jar : jars.entrySet()) {
            try (JarFile file = new JarFile(jar.getValue().toFile())) {
                assertThat(file.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
                        .as("Automatic-Module-Name of %s", jar.getValue().getFileName())
                        .isEqualTo(MODULES.get(jar.getKey()));
            }
        }
    }

    @Test
    void no_package_lies_in_two_jars_and_all_of_them_load_as_named_modules_in_one_layer() {
        ModuleFinder finder = ModuleFinder.of(jars().values().toArray(Path[]::new));
        Map<String, List<String>> owners = new HashMap<>();
        for (ModuleReference module : finder.findAll()) {
            for (String pkg : module.descriptor().packages()) {
                owners.computeIfAbsent(pkg, k -> new ArrayList<>())
                        .add(module.descriptor().name());
            }
        }
        assertThat(owners.entrySet().stream()
                        .filter(e -> e.getValue().size() > 1)
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))
                .as("packages split over two jars")
                .isEmpty();

        Set<String> names = Set.copyOf(MODULES.values());
        Configuration configuration = ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.of(), names);
        ModuleLayer layer =
                ModuleLayer.boot().defineModulesWithOneLoader(configuration, ClassLoader.getSystemClassLoader());
        assertThat(layer.modules().stream().map(Module::getName)).containsExactlyInAnyOrderElementsOf(names);
        assertThat(layer.findModule("org.eventcore.api").orElseThrow().getPackages())
                .as("the api's packages: its layers and its messages, and nothing internal")
                .containsExactlyInAnyOrder(
                        "org.eventcore",
                        "org.eventcore.messages",
                        "org.eventcore.spi",
                        "org.eventcore.serialization",
                        "org.eventcore.execution");
    }
}
