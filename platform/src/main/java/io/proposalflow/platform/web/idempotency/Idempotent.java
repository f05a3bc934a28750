package io.proposalflow.platform.web.idempotency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation that creates or decides something and accepts an {@code Idempotency-Key}
 * header: a client whose request timed out sends it again with the same key and body and gets the
 * first answer, without a second effect ({@link IdempotencyFilter}). The API description documents
 * the header, and 409/422, on each operation so marked.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {

    /** The request header. */
    String HEADER = "Idempotency-Key";

    /** Set on an answer that repeats the first one. */
    String REPLAYED_HEADER = "Idempotent-Replayed";
}
