package io.proposalflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The role x resource matrix of {@code docs/security.md} and the endpoints it must cover: those of
 * the committed API descriptions ({@code docs/api/*.json}) and the portal's pages.
 */
public final class SecurityMatrix {

    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z]+ [^`]+)` \\|", Pattern.MULTILINE);
    private static final Pattern LEGEND = Pattern.compile("^\\* \\[([A-Z]+[0-9]+)] `([A-Za-z0-9]+)\\.([A-Za-z0-9]+)`",
            Pattern.MULTILINE);

    private SecurityMatrix() {
    }

    public static Path document() {
        return ApiContract.committed("proposal-service").getParent().getParent().resolve("security.md");
    }

    /** "GET /api/proposals/{id}", ... : the rows of the matrix. */
    public static Set<String> rows() {
        Set<String> rows = new LinkedHashSet<>();
        Matcher m = ROW.matcher(read(document()));
        while (m.find()) {
            rows.add(m.group(1));
        }
        return rows;
    }

    /** "AccessTest.withoutLoginEveryCallIsA401", ... : the tests the matrix names. */
    public static List<String[]> namedTests() {
        List<String[]> named = new ArrayList<>();
        Matcher m = LEGEND.matcher(read(document()));
        while (m.find()) {
            named.add(new String[] { m.group(2), m.group(3) });
        }
        return named;
    }

    /** Every operation of a service's committed API description, as "METHOD /path". */
    public static List<String> operations(String service) {
        JsonNode api = JsonMapper.builder().build().readTree(read(ApiContract.committed(service)));
        List<String> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (Set.of("get", "post", "put", "delete", "patch").contains(op.getKey())) {
                    operations.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    /**
     * The anonymous column for a whole service: every operation of its API description, with made-up
     * path variables and an empty body, is a 401 problem document before anything else is looked at.
     */
    public static void assertEveryOperationNeedsALogin(String service, WebTestClient anonymous) {
        for (String operation : operations(service)) {
            String[] parts = operation.split(" ", 2);
            String path = parts[1].replaceAll("\\{themenfeld}", "HEALTH").replaceAll("\\{[^}]+}",
                    "00000000-0000-4000-8000-000000000000");
            anonymous.method(HttpMethod.valueOf(parts[0])).uri(path).header("Content-Type", "application/json")
                    .bodyValue("{}").exchange()
                    .expectStatus().value(status -> {
                        if (status != 401) {
                            throw new AssertionError(operation + " without login answered " + status + ", not 401");
                        }
                    })
                    .expectHeader().contentTypeCompatibleWith("application/problem+json");
        }
    }

    /** The names of the test methods under {@code <module>/src/test/java}, per class simple name. */
    public static boolean testExists(String className, String method) {
        Path root = document().getParent().getParent();
        try (Stream<Path> files = Files.walk(root, 12)) {
            return files.filter(p -> p.toString().contains("/src/test/java/") && !p.toString().contains("/target/")
                            && p.getFileName().toString().equals(className + ".java"))
                    .anyMatch(p -> read(p).matches("(?s).*\\bvoid " + method + "\\(.*"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
