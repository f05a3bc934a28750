package io.proposalflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every event type of a family has its own method in the family's Handler, and every event dispatches
 * to it: so a consumer that implements the Handler has said, at compile time, what each type means to it.
 */
class HandlerCoverageTest {

    @ParameterizedTest
    @ValueSource(classes = { ProposalEvent.class, ReviewEvent.class, NotificationEvent.class })
    void everyEventTypeOfAFamilyHasItsOwnHandlerMethod(Class<?> family) throws Exception {
        Class<?> handler = Class.forName(family.getName() + "$Handler");
        Set<Class<?>> handled = Arrays.stream(handler.getDeclaredMethods())
                .filter(method -> method.getName().equals("on"))
                .map(method -> method.getParameterTypes()[0])
                .collect(Collectors.toSet());

        assertThat(handled).containsExactlyInAnyOrder(family.getPermittedSubclasses());
        for (Class<?> type : family.getPermittedSubclasses()) {
            Method accept = type.getMethod("accept", handler);
            assertThat(accept.getDeclaringClass()).as(type.getSimpleName() + " dispatches itself").isEqualTo(type);
        }
    }
}
