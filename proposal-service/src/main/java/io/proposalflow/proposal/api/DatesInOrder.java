package io.proposalflow.proposal.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The planned end is not before the planned start. Reported on the field {@code plannedEnd}, so a client
 * can show it next to that input (a class-level error would have no field).
 */
@Documented
@Constraint(validatedBy = DatesInOrder.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface DatesInOrder {

    String message() default "must not be before plannedStart";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    interface Dated {
        LocalDate start();

        LocalDate end();
    }

    class Validator implements ConstraintValidator<DatesInOrder, Dated> {

        @Override
        public boolean isValid(Dated value, ConstraintValidatorContext context) {
            if (value == null || value.start() == null || value.end() == null
                    || !value.end().isBefore(value.start())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("plannedEnd").addConstraintViolation();
            return false;
        }
    }
}
