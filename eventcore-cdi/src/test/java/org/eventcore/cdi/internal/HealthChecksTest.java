package org.eventcore.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HealthChecksTest {

    private static Optional<Settings.Value> set(String text) {
        return Optional.of(new Settings.Value(text, "the system property"));
    }

    @Test
    void the_lag_bound_is_a_minute_unless_set_in_iso_8601_or_whole_seconds() {
        assertThat(HealthChecks.projectionLag(Optional.empty())).isEqualTo(Duration.ofMinutes(1));
        assertThat(HealthChecks.projectionLag(set("PT30S"))).isEqualTo(Duration.ofSeconds(30));
        assertThat(HealthChecks.projectionLag(set("PT0.25S"))).isEqualTo(Duration.ofMillis(250));
        assertThat(HealthChecks.projectionLag(set("90"))).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void a_lag_bound_that_is_not_a_positive_duration_is_refused_naming_the_property_and_the_forms() {
        for (String wrong : new String[] {"soon", "0", "PT0S", "-PT5S", "5m", "99999999999"}) {
            assertThatThrownBy(() -> HealthChecks.projectionLag(set(wrong)))
                    .as(wrong)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(
                            "EC2063 The property eventcore.health.projection-lag (from the system property) is \""
                                    + wrong + "\"")
                    .hasMessageContaining("ISO-8601 (PT30S, PT5M) or whole seconds (30)");
        }
    }

    @Test
    void without_the_microprofile_health_api_the_check_s_class_cannot_be_loaded_so_no_bean_is_made_of_it()
            throws Exception {
        ClassLoader parent = HealthChecksTest.class.getClassLoader();
        ClassLoader withoutHealth = new ClassLoader(parent) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("org.eclipse.microprofile.health.")) {
                    throw new ClassNotFoundException(name);
                }
                if (name.equals(HealthChecks.CHECK_CLASS)) { // defined here, so that it links against this loader
                    try (java.io.InputStream in = parent.getResourceAsStream(name.replace('.', '/') + ".class")) {
                        byte[] bytes = in.readAllBytes();
                        return defineClass(name, bytes, 0, bytes.length);
                    } catch (java.io.IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                return super.loadClass(name, resolve);
            }
        };
        assertThatThrownBy(() -> Class.forName(HealthChecks.CHECK_CLASS, true, withoutHealth))
                .isInstanceOf(NoClassDefFoundError.class)
                .hasMessageContaining("org/eclipse/microprofile/health/HealthCheck");
        // and the extension, which names the class only as a string, loads there
        assertThat(Class.forName(HealthChecks.CHECK_CLASS, false, parent)).isNotNull();
    }
}
