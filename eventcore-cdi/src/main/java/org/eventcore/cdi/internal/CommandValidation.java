package org.eventcore.cdi.internal;

import java.util.function.Consumer;

/**
 * Bean Validation of commands before their first attempt, where the application has it: the
 * container's {@code Validator} bean, else the default validator factory of the class path. Without
 * the Bean Validation API, or without a provider, commands are not validated and nothing fails: the
 * classes of the API are touched only after their presence was checked.
 */
final class CommandValidation {

    private static final System.Logger LOG = System.getLogger(CommandValidation.class.getName());

    private CommandValidation() {}

    /** A validation of commands, or one that does nothing when the application has no Bean Validation. */
    static Consumer<Object> resolve(ClassLoader loader) {
        try {
            Class.forName("jakarta.validation.Validator", false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "no Bean Validation API: commands are not validated");
            return command -> {};
        }
        return BeanValidation.create().<Consumer<Object>>map(v -> v::validate).orElse(command -> {});
    }
}
