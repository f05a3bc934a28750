package io.proposalflow.proposal.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.proposalflow.proposal.domain.ContactText;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** The proposal's contact names an organisation or a function, no e-mail address or phone number ({@link ContactText}). */
@Documented
@Constraint(validatedBy = OrganisationOrFunction.Validator.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface OrganisationOrFunction {

    String message() default "must name an organisation or a function";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<OrganisationOrFunction, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String problem = ContactText.problem(value);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }
    }
}
