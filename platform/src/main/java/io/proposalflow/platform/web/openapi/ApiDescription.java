package io.proposalflow.platform.web.openapi;

import java.lang.annotation.Annotation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

import io.proposalflow.platform.web.ProblemResponses;
import io.proposalflow.platform.web.idempotency.Idempotent;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * Builds the parts of every service's API description that follow from the platform's own rules, so
 * that each service documents them the same way and none can forget one: who the API is (title,
 * version from the build, contact, licence), how to log in (HTTP Basic for the embedded default,
 * bearer JWT), the problem+json answers every operation can give, which properties may be null, and
 * which are always present in an answer.
 */
public final class ApiDescription {

    public static final String PROBLEM = "Problem";
    public static final String FIELD_PROBLEM = "FieldProblem";
    public static final String BASIC = "basicAuth";
    public static final String BEARER = "bearerAuth";

    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String SCHEMAS = "#/components/schemas/";

    /** What each problem status means to a client, in the words of this system's rules. */
    private static final Map<Integer, String> MEANING = Map.ofEntries(
            Map.entry(400, "Invalid input. `errors` names each invalid field with the reason."),
            Map.entry(401, "Not logged in, or the credentials are not valid."),
            Map.entry(403, "The caller's role (or focus group) does not allow this."),
            Map.entry(404, "No such resource, or one the caller may not see."),
            Map.entry(409, "Conflicts with the current state, e.g. a status transition that is not allowed "
                    + "(`currentStatus`, `allowedActions`) or a change made at the same moment by someone else."),
            Map.entry(412, "`If-Match` names a version that is no longer current: read the resource again and retry."),
            Map.entry(413, "The request body is larger than this API accepts (256 KB)."),
            Map.entry(415, "The request body is not `application/json`."),
            Map.entry(422, "The `Idempotency-Key` was used within the last 24 hours for another request (another "
                    + "body or operation): use a new key for a new request."),
            Map.entry(428, "`If-Match` is missing: send the version (ETag) that was read."));

    private ApiDescription() {
    }

    /** The top of the description: info, server, security schemes and the shared problem schema. */
    public static OpenAPI base(ApiDescriptionProperties properties, String version) {
        ApiDescriptionProperties.Contact contact = properties.contact();
        ApiDescriptionProperties.License license = properties.license();
        Info info = new Info()
                .title(properties.title())
                .description(properties.description())
                .version(version);
        if (contact != null) {
            info.contact(new Contact().name(contact.name()).email(contact.email()).url(contact.url()));
        }
        if (license != null) {
            info.license(new License().name(license.name()).url(license.url()));
        }
        return new OpenAPI()
                .info(info)
                .servers(List.of(new Server().url(properties.serverUrl()).description(properties.serverDescription())))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("HTTP Basic with the configured users (the embedded default's demo "
                                        + "users); off once an OIDC issuer is configured, unless "
                                        + "PLATFORM_SECURITY_BASIC_ENABLED=true."))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT")
                                .description("A JWT of the configured OIDC issuer for the audience "
                                        + "`proposalflow-api`, with the claims `roles`, `focus_group`, "
                                        + "`organisations` and `sub`."))
                        .addSchemas(PROBLEM, problemSchema())
                        .addSchemas(FIELD_PROBLEM, fieldProblemSchema()))
                // either scheme will do: one requirement object per alternative
                .security(List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(BEARER)));
    }

    /**
     * RFC 9457 problem details as every service writes them (ProblemDetailsAdvice and the security
     * handlers). Further members (e.g. {@code currentStatus}, {@code errorId}) may appear.
     */
    private static Schema<?> problemSchema() {
        Schema<?> schema = new ObjectSchema()
                .description("An error, as RFC 9457 problem details. Some problems carry further members, "
                        + "e.g. `currentStatus` and `allowedActions` with a 409, `errorId` with a 500.")
                .addProperty("type", new StringSchema().format("uri-reference")._default("about:blank")
                        .description("what kind of problem; absent means `about:blank`"))
                .addProperty("title", new StringSchema().description("a short summary of the kind of problem"))
                .addProperty("status", new IntegerSchema().format("int32").minimum(java.math.BigDecimal.valueOf(400))
                        .maximum(java.math.BigDecimal.valueOf(599)).description("the HTTP status"))
                .addProperty("detail", new StringSchema().description("what went wrong in this case, for people"))
                .addProperty("instance", new StringSchema().format("uri-reference")
                        .description("the path of the request"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref(SCHEMAS + FIELD_PROBLEM))
                        .description("with 400: each invalid input, sorted by field"));
        // Spring leaves out "type" when it is about:blank, as RFC 9457 allows
        schema.setRequired(List.of("title", "status"));
        schema.setAdditionalProperties(Boolean.TRUE);
        return schema;
    }

    private static Schema<?> fieldProblemSchema() {
        Schema<?> schema = new ObjectSchema()
                .description("One invalid input.")
                .addProperty("field", new StringSchema().description(
                        "the field as a JSON path (`partners[0].id`), or the name of a query parameter or header"))
                .addProperty("message", new StringSchema().description(
                        "why it is invalid, naming the allowed values or bounds"));
        schema.setRequired(List.of("field", "message"));
        return schema;
    }

    /**
     * Adds the problem answers of one operation: 401 always (every API call needs a login), 403 with a
     * role check, 400 with any input, 404 with a path variable, 413 and 415 with a body, and those the
     * method names in {@link ProblemResponses}.
     */
    public static Operation addProblemResponses(Operation operation, HandlerMethod method) {
        Set<Integer> statuses = new TreeSet<>();
        statuses.add(401);
        if (AnnotatedElementUtils.hasAnnotation(method.getMethod(), PreAuthorize.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PreAuthorize.class)) {
            statuses.add(403);
        }
        for (MethodParameter parameter : method.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                statuses.add(400);
                statuses.add(413);
                statuses.add(415);
            } else if (parameter.hasParameterAnnotation(PathVariable.class)) {
                statuses.add(404);
                if (parameter.getParameterType() != String.class) {
                    statuses.add(400); // a path segment that is no UUID or no known key
                }
            } else if (parameter.hasParameterAnnotation(RequestParam.class)
                    || parameter.hasParameterAnnotation(RequestHeader.class)
                    || parameter.hasParameterAnnotation(ModelAttribute.class)
                    || hasAnnotationNamed(parameter, "ParameterObject")) {
                statuses.add(400);
            }
        }
        if (method.hasMethodAnnotation(Idempotent.class)) {
            addIdempotencyKey(operation);
            statuses.add(400);
            statuses.add(409);
            statuses.add(422);
        }
        ProblemResponses declared = method.getMethodAnnotation(ProblemResponses.class);
        if (declared != null) {
            for (int status : declared.value()) {
                statuses.add(status);
            }
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        for (int status : statuses) {
            String code = Integer.toString(status);
            if (!responses.containsKey(code)) {
                responses.addApiResponse(code, problemResponse(status));
            }
        }
        operation.setResponses(sorted(responses));
        return operation;
    }

    private static void addIdempotencyKey(Operation operation) {
        boolean present = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> Idempotent.HEADER.equalsIgnoreCase(p.getName()));
        if (!present) {
            operation.addParametersItem(new io.swagger.v3.oas.models.parameters.HeaderParameter()
                    .name(Idempotent.HEADER)
                    .required(false)
                    .description("a key the client chooses for this request (e.g. a UUID), at most 255 printable "
                            + "characters. Sent again with the same body within 24 hours, the request gets the first "
                            + "successful answer (header `Idempotent-Replayed: true`) and does nothing else; with "
                            + "another body it is a 422; while the first is still running, a 409. After an error "
                            + "the key is free again. Keys are per caller.")
                    .schema(new Schema<String>().type("string").minLength(1).maxLength(255)
                            .pattern("^[\\x20-\\x7E]+$")));
        }
        String note = "Accepts `Idempotency-Key`: a request that timed out can be sent again with the same key.";
        String description = operation.getDescription();
        if (description == null || !description.contains("Idempotency-Key")) {
            operation.setDescription(description == null || description.isBlank() ? note : description + " " + note);
        }
    }

    private static ApiResponse problemResponse(int status) {
        String meaning = MEANING.getOrDefault(status, HttpStatus.valueOf(status).getReasonPhrase());
        return new ApiResponse().description(meaning).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref(SCHEMAS + PROBLEM))));
    }

    private static ApiResponses sorted(ApiResponses responses) {
        ApiResponses sorted = new ApiResponses();
        new TreeMap<>(responses).forEach(sorted::addApiResponse);
        return sorted;
    }

    private static boolean hasAnnotationNamed(MethodParameter parameter, String simpleName) {
        for (Annotation annotation : parameter.getParameterAnnotations()) {
            if (annotation.annotationType().getSimpleName().equals(simpleName)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Marks a property nullable when its record component (or field) carries an annotation named
     * {@code Nullable} (the events' {@code io.proposalflow.events.Nullable}, or any other). A nullable
     * reference to another schema becomes {@code allOf: [$ref]} with {@code nullable: true}, as OpenAPI
     * 3.0 ignores every sibling of a plain {@code $ref}.
     */
    public static Schema<?> nullableWhereAnnotated(Schema<?> property, AnnotatedType type) {
        if (property == null || type == null || type.getCtxAnnotations() == null) {
            return property;
        }
        boolean nullable = false;
        for (Annotation annotation : type.getCtxAnnotations()) {
            if (annotation.annotationType().getSimpleName().equals("Nullable")) {
                nullable = true;
            }
        }
        if (!nullable) {
            return property;
        }
        if (property.get$ref() != null) {
            // a ComposedSchema from the start: springdoc serves later requests from a copy that reads the
            // wrapper back as one, and a plain Schema would write its members in another order
            ComposedSchema wrapped = new ComposedSchema();
            wrapped.setAllOf(List.of(new Schema<>().$ref(property.get$ref())));
            wrapped.setNullable(true);
            wrapped.setDescription(property.getDescription());
            return wrapped;
        }
        property.setNullable(true);
        return property;
    }

    /**
     * Every property of a schema that only answers carry is required: the services write each property
     * of an answer, null included, so a client may rely on its presence (and on its value where it is
     * not nullable). Schemas of request bodies keep what their validation requires.
     */
    public static void requireAllPropertiesOfAnswers(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null
                || openApi.getPaths() == null) {
            return;
        }
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        Set<String> inRequests = new HashSet<>();
        Set<String> inAnswers = new HashSet<>();
        for (PathItem item : openApi.getPaths().values()) {
            for (Operation operation : item.readOperations()) {
                if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                    operation.getRequestBody().getContent().values()
                            .forEach(media -> reach(media.getSchema(), schemas, inRequests));
                }
                if (operation.getResponses() != null) {
                    operation.getResponses().values().stream()
                            .filter(response -> response.getContent() != null)
                            .flatMap(response -> response.getContent().values().stream())
                            .forEach(media -> reach(media.getSchema(), schemas, inAnswers));
                }
            }
        }
        inAnswers.removeAll(inRequests);
        inAnswers.remove(PROBLEM);
        inAnswers.remove(FIELD_PROBLEM);
        for (String name : inAnswers) {
            Schema<?> schema = schemas.get(name);
            if (schema != null && schema.getProperties() != null && !schema.getProperties().isEmpty()) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            }
        }
    }

    /** Collects the names of the component schemas {@code schema} refers to, directly or not. */
    @SuppressWarnings({ "rawtypes", "unchecked" })
    private static void reach(Schema schema, Map<String, Schema> schemas, Set<String> names) {
        Deque<Schema> todo = new ArrayDeque<>();
        if (schema != null) {
            todo.add(schema);
        }
        while (!todo.isEmpty()) {
            Schema next = todo.pop();
            if (next.get$ref() != null) {
                String name = next.get$ref().substring(next.get$ref().lastIndexOf('/') + 1);
                if (names.add(name) && schemas.get(name) != null) {
                    todo.add(schemas.get(name));
                }
                continue;
            }
            Consumer<Schema> add = child -> {
                if (child != null) {
                    todo.add(child);
                }
            };
            if (next.getProperties() != null) {
                next.getProperties().values().forEach(add);
            }
            add.accept(next.getItems());
            if (next.getAllOf() != null) {
                next.getAllOf().forEach(add);
            }
            if (next.getOneOf() != null) {
                next.getOneOf().forEach(add);
            }
            if (next.getAnyOf() != null) {
                next.getAnyOf().forEach(add);
            }
            if (next.getAdditionalProperties() instanceof Schema values) {
                add.accept(values);
            }
        }
    }

    /**
     * Gives each nullable {@code allOf} wrapper its {@code type: object}: OpenAPI 3.0.3 wants a type beside
     * {@code nullable}, and swagger-core drops a wrapper that has one when it is made (so it is added here,
     * once the description is complete).
     */
    @SuppressWarnings("rawtypes")
    public static void typeNullableWrappers(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        for (Schema schema : openApi.getComponents().getSchemas().values()) {
            if (schema.getProperties() == null) {
                continue;
            }
            for (Object value : schema.getProperties().values()) {
                Schema property = (Schema) value;
                if (Boolean.TRUE.equals(property.getNullable()) && property.getAllOf() != null
                        && property.getType() == null) {
                    property.setType("object");
                }
            }
        }
    }

    /** The components in name order, so the committed description changes only where the API does. */
    public static void sortComponents(OpenAPI openApi) {
        if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
            openApi.getComponents().setSchemas(new LinkedHashMap<>(new TreeMap<>(openApi.getComponents().getSchemas())));
        }
    }
}
