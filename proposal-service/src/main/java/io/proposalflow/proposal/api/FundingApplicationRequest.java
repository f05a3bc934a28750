package io.proposalflow.proposal.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.time.LocalDate;

import io.proposalflow.events.FundingStage;
import io.proposalflow.proposal.domain.FundingApplication;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The current state of an approved proposal's funding application, as the coordinator reports it. */
@FundingApplicationRequest.GrantedAmountWithGrant
public record FundingApplicationRequest(
        @Schema(example = "Sozialer Zusammenhalt") @NotBlank @Size(max = 200) String programme,
        @NotNull FundingStage stage,
        @NotNull @DecimalMin(value = "0.00", message = "must not be negative")
        @Digits(integer = 12, fraction = 2, message = "must have at most 2 decimals (and 12 digits before the point)")
        @Schema(maximum = MAX_AMOUNT) BigDecimal requestedAmountEur,
        @DecimalMin(value = "0.00", message = "must not be negative")
        @Digits(integer = 12, fraction = 2, message = "must have at most 2 decimals (and 12 digits before the point)")
        @Schema(maximum = MAX_AMOUNT) BigDecimal grantedAmountEur,
        @NotNull LocalDate stageDate,
        @Size(max = 2000) String note) {

    /** The largest amount {@code @Digits(integer = 12, fraction = 2)} lets through, for the API description. */
    static final String MAX_AMOUNT = "999999999999.99";

    FundingApplication toDomain() {
        return new FundingApplication(programme.trim(), stage, requestedAmountEur, grantedAmountEur, stageDate,
                note == null || note.isBlank() ? null : note.trim());
    }

    /** A granted amount is given with stage GRANTED, and only then; reported on {@code grantedAmountEur}. */
    @Documented
    @Constraint(validatedBy = GrantedAmountValidator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface GrantedAmountWithGrant {

        String message() default "is required with stage GRANTED and not allowed with any other stage";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static class GrantedAmountValidator
            implements ConstraintValidator<GrantedAmountWithGrant, FundingApplicationRequest> {

        @Override
        public boolean isValid(FundingApplicationRequest value, ConstraintValidatorContext context) {
            if (value == null || value.stage() == null
                    || (value.stage() == FundingStage.GRANTED) == (value.grantedAmountEur() != null)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("grantedAmountEur").addConstraintViolation();
            return false;
        }
    }
}
