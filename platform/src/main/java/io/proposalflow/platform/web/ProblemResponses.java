package io.proposalflow.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem statuses an operation answers beyond those every operation of its kind has (401,
 * 403 with a role check, 400 with input, 404 with a path variable, 413/415 with a body), e.g.
 * {@code @ProblemResponses({409, 412, 428})}. The API description lists them as
 * {@code application/problem+json}, so a client generated from it knows them.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProblemResponses {

    int[] value();
}
