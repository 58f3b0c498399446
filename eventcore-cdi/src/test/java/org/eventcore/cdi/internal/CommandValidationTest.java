package org.eventcore.cdi.internal;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CommandValidationTest {

    /** A class loader of an application without the Bean Validation API. */
    private static final ClassLoader WITHOUT_BEAN_VALIDATION = new ClassLoader(null) {
        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("jakarta.validation.")) {
                throw new ClassNotFoundException(name);
            }
            return CommandValidationTest.class.getClassLoader().loadClass(name);
        }
    };

    @Test
    void without_the_bean_validation_api_commands_are_not_validated_and_nothing_fails() {
        Consumer<Object> validation = CommandValidation.resolve(WITHOUT_BEAN_VALIDATION);
        assertThatCode(() -> validation.accept(new Object())).doesNotThrowAnyException();
    }

    @Test
    void with_the_api_and_a_provider_commands_are_validated() {
        record Named(
                @jakarta.validation.constraints.NotBlank String name) {}
        Consumer<Object> validation = CommandValidation.resolve(CommandValidationTest.class.getClassLoader());
        assertThatCode(() -> validation.accept(new Named("x"))).doesNotThrowAnyException();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> validation.accept(new Named(" ")))
                .isInstanceOf(org.eventcore.cdi.InvalidCommandException.class)
                .hasMessageEndingWith("name: must not be blank");
    }
}
