package io.proposalflow.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a Spring test (typically {@code @SpringBootTest}) against {@link TestBackends}, with a
 * MongoDB database of its own per application context. See {@link TestBackendsInitializer}.
 *
 * <p>Spring uses only one {@code @ContextConfiguration} per class, so do not combine this with
 * another {@code @ContextConfiguration} (or {@code @SpringJUnitConfig}) on the same class; list
 * {@link TestBackendsInitializer} in that annotation's initializers instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = TestBackendsInitializer.class)
public @interface WithTestBackends {
}
