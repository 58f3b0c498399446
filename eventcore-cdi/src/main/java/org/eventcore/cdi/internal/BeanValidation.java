package org.eventcore.cdi.internal;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eventcore.cdi.InvalidCommandException;

/**
 * Validates commands with a Bean Validation {@link Validator}. Loaded only when the API is present
 * ({@link CommandValidation}).
 */
final class BeanValidation {

    private static final System.Logger LOG = System.getLogger(BeanValidation.class.getName());

    private final Validator validator;

    private BeanValidation(Validator validator) {
        this.validator = validator;
    }

    /** The container's validator, else the class path's default one; empty when there is no provider. */
    static Optional<BeanValidation> create() {
        try {
            Instance<Validator> bean = CDI.current().select(Validator.class);
            if (bean.isResolvable()) {
                return Optional.of(new BeanValidation(bean.get()));
            }
        } catch (RuntimeException e) {
            // no CDI lookup from here: the class path's provider below
        }
        try {
            return Optional.of(
                    new BeanValidation(Validation.buildDefaultValidatorFactory().getValidator()));
        } catch (ValidationException | LinkageError e) {
            LOG.log(System.Logger.Level.INFO, "no Bean Validation provider: commands are not validated (" + e + ")");
            return Optional.empty();
        }
    }

    /**
     * Throws {@link InvalidCommandException} naming every violated constraint of {@code command},
     * ordered by property path.
     */
    void validate(Object command) {
        Set<ConstraintViolation<Object>> found = validator.validate(command);
        if (found.isEmpty()) {
            return;
        }
        List<InvalidCommandException.Violation> violations = new ArrayList<>();
        for (ConstraintViolation<Object> v : found) {
            violations.add(
                    new InvalidCommandException.Violation(v.getPropertyPath().toString(), v.getMessage()));
        }
        violations.sort(Comparator.comparing(InvalidCommandException.Violation::property)
                .thenComparing(InvalidCommandException.Violation::message));
        throw new InvalidCommandException(command.getClass().getSimpleName(), violations);
    }
}
