package io.proposalflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rules the committed API descriptions of all three services keep together (issue 18). Each service's
 * ApiContractTest makes sure the committed description is the one the service serves.
 */
class ApiDescriptionsTest {

    private static final List<String> SERVICES = List.of("proposal-service", "review-service", "notification-service");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void operationIdsAreUniqueAcrossTheThreeServices() throws IOException {
        Map<String, String> owner = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (String service : SERVICES) {
            forEachOperation(service, (where, operation) -> {
                String id = operation.path("operationId").asString("");
                assertThat(id).as("operationId of " + where).isNotBlank();
                String previous = owner.put(id, where);
                if (previous != null) {
                    clashes.add(id + ": " + previous + " and " + where);
                }
            });
        }
        assertThat(clashes).isEmpty();
    }

    @Test
    void everyErrorIsAProblemDocumentAndEveryAnswerNamesItsMediaType() throws IOException {
        for (String service : SERVICES) {
            forEachOperation(service, (where, operation) -> operation.path("responses").properties().forEach(entry -> {
                String status = entry.getKey();
                JsonNode content = entry.getValue().path("content");
                if (status.startsWith("4") || status.startsWith("5")) {
                    assertThat(content.path("application/problem+json").path("schema").path("$ref").asString(""))
                            .as(status + " of " + where).isEqualTo("#/components/schemas/Problem");
                } else {
                    assertThat(content.propertyNames()).as(status + " of " + where).doesNotContain("*/*");
                }
            }));
        }
    }

    @Test
    void everyOperationNeedsALoginAndSaysSo() throws IOException {
        for (String service : SERVICES) {
            JsonNode description = description(service);
            assertThat(description.path("components").path("securitySchemes").propertyNames())
                    .containsExactlyInAnyOrder("basicAuth", "bearerAuth");
            assertThat(description.path("security").toString()).contains("basicAuth", "bearerAuth");
            forEachOperation(service, (where, operation) ->
                    assertThat(operation.path("responses").has("401")).as("401 of " + where).isTrue());
        }
    }

    @Test
    void listsArePagedByTwoBoundedIntegers() throws IOException {
        for (String service : SERVICES) {
            forEachOperation(service, (where, operation) -> {
                if (!operation.path("responses").path("200").toString().contains("PageResponse")) {
                    return;
                }
                Map<String, JsonNode> parameters = new HashMap<>();
                operation.path("parameters").forEach(p -> parameters.put(p.path("name").asString(), p));
                assertThat(parameters.get("page").path("schema").path("type").asString()).as(where).isEqualTo("integer");
                assertThat(parameters.get("page").path("schema").path("minimum").asInt()).as(where).isZero();
                assertThat(parameters.get("size").path("schema").path("type").asString()).as(where).isEqualTo("integer");
                assertThat(parameters.get("size").path("schema").path("maximum").asInt()).as(where).isEqualTo(100);
            });
        }
    }

    @Test
    void whatIsCreatedAnswers201WithItsLocation() throws IOException {
        List<String> created = new ArrayList<>();
        for (String service : SERVICES) {
            forEachOperation(service, (where, operation) -> {
                JsonNode answer = operation.path("responses").path("201");
                if (!answer.isMissingNode()) {
                    created.add(where);
                    assertThat(answer.path("headers").has("Location")).as(where).isTrue();
                }
            });
        }
        assertThat(created).contains("proposal-service POST /api/proposals",
                "notification-service POST /api/recipients/partners/{organisationId}/contacts");
    }

    private interface OperationCheck {
        void check(String where, JsonNode operation);
    }

    private static void forEachOperation(String service, OperationCheck check) throws IOException {
        description(service).path("paths").properties().forEach(path -> path.getValue().properties().forEach(
                method -> check.check(service + " " + method.getKey().toUpperCase() + " " + path.getKey(),
                        method.getValue())));
    }

    private static JsonNode description(String service) throws IOException {
        return JSON.readTree(Files.readString(ApiContract.committed(service)));
    }
}
