package org.eventcore.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eventcore.execution.ExecutorSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StateCacheConfigTest {

    @AfterEach
    void clear() {
        System.clearProperty(StateCacheConfig.PROPERTY);
    }

    @Test
    void without_the_property_the_cache_has_its_default_size() {
        assertThat(StateCacheConfig.size()).isEqualTo(ExecutorSettings.DEFAULT_STATE_CACHE_SIZE);
    }

    @Test
    void the_property_sets_the_size_and_0_switches_the_cache_off() {
        System.setProperty(StateCacheConfig.PROPERTY, " 250 ");
        assertThat(StateCacheConfig.size()).isEqualTo(250);
        System.setProperty(StateCacheConfig.PROPERTY, "0");
        assertThat(StateCacheConfig.size()).isZero();
    }

    @Test
    void a_value_that_is_not_a_size_is_refused_naming_the_property() {
        for (String wrong : new String[] {"-1", "ten", "1e6"}) {
            System.setProperty(StateCacheConfig.PROPERTY, wrong);
            assertThatThrownBy(StateCacheConfig::size)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("EC2061 The property eventcore.state-cache.size")
                    .hasMessageContaining("\"" + wrong + "\"");
        }
    }
}
