package io.proposalflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.stereotype.Controller;

import io.proposalflow.testsupport.SecurityMatrix;

/** Every page of the portal has its row in the role x resource matrix of docs/security.md. */
class PortalSecurityMatrixTest {

    @Test
    void everyPageHasARowInTheMatrix() throws Exception {
        Set<String> pages = new java.util.TreeSet<>();
        var scanner = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new org.springframework.core.type.filter.AnnotationTypeFilter(Controller.class));
        for (var candidate : scanner.findCandidateComponents("io.proposalflow.portal.web")) {
            for (var method : Class.forName(candidate.getBeanClassName()).getDeclaredMethods()) {
                GetMapping get = method.getAnnotation(GetMapping.class);
                PostMapping post = method.getAnnotation(PostMapping.class);
                if (get != null) {
                    for (String path : get.value()) {
                        pages.add("GET " + path);
                    }
                }
                if (post != null) {
                    for (String path : post.value()) {
                        pages.add("POST " + path);
                    }
                }
            }
        }
        assertThat(pages).hasSizeGreaterThan(20);
        assertThat(SecurityMatrix.rows()).as("rows of docs/security.md").containsAll(pages);
        assertThat(pages.stream().filter(p -> p.contains("/api/")).collect(Collectors.toSet())).isEmpty();
    }
}
