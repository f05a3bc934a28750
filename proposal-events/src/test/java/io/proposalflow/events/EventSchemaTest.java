package io.proposalflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schemas are the contract non-Java consumers and reviewers read, so they must describe exactly what
 * the codec writes: every schema lists every property as required and forbids all others, hence renaming,
 * adding or removing a record component without updating the schema fails here.
 */
class EventSchemaTest {

    private static final String SCHEMA_DIRECTORY = "schemas";
    private static final Path SCHEMA_SOURCES = Path.of("src/main/resources", SCHEMA_DIRECTORY);
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            // format (date, date-time) is only an annotation in 2020-12 unless asserted explicitly
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventCodec codec = EventCodec.instance();

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventType.class)
    void sampleIsValidAgainstItsSchema(EventType type) {
        ObjectNode json = sampleJson(type);

        assertThat(errors(type, json)).as("schema errors of %s for %s", type.schemaPath(), json).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventType.class)
    void schemaRefusesAnUnknownProperty(EventType type) {
        ObjectNode json = sampleJson(type);
        json.put("unexpected", 1);

        assertThat(errors(type, json)).as("schema errors for %s", json).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventType.class)
    void schemaRefusesThePayloadWithoutAnyOneOfItsProperties(EventType type) {
        ObjectNode sample = sampleJson(type);
        assertThat(sample.propertyNames()).isNotEmpty();

        for (String property : sample.propertyNames()) {
            ObjectNode json = sample.deepCopy();
            json.remove(property);
            assertThat(errors(type, json)).as("schema errors without %s", property).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventType.class)
    void sampleSurvivesEncodeAndDecode(EventType type) {
        DomainEvent sample = EventSamples.sample(type);

        assertThat(codec.<DomainEvent>decode(type, codec.encode(sample))).isEqualTo(sample);
        assertThat(codec.decode(type.type(), codec.encode(sample))).isEqualTo(sample);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventType.class)
    void schemaIdIsTheEventType(EventType type) {
        assertThat(schemaNode(type).path("$id").asString()).isEqualTo(type.type());
        assertThat(schemaNode(type).path("$schema").asString())
                .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventType.class)
    void everyObjectInTheSchemaIsClosedAndRequiresAllItsProperties(EventType type) {
        List<JsonNode> objectSchemas = new ArrayList<>();
        collectObjectSchemas(schemaNode(type), objectSchemas);

        assertThat(objectSchemas).isNotEmpty();
        for (JsonNode objectSchema : objectSchemas) {
            assertThat(objectSchema.path("additionalProperties").isBoolean()
                    && !objectSchema.path("additionalProperties").asBoolean())
                    .as("additionalProperties false in %s", objectSchema).isTrue();
            assertThat(strings(objectSchema.path("required")))
                    .as("required of %s", objectSchema)
                    .containsExactlyInAnyOrderElementsOf(objectSchema.path("properties").propertyNames());
        }
    }

    /** The codec refuses null unless a component is @Nullable; the schema must allow null exactly there. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(EventType.class)
    void schemaAllowsNullExactlyForNullableComponents(EventType type) {
        JsonNode root = schemaNode(type);
        assertNullability(type.payloadClass(), root, root);
    }

    @Test
    void schemaRefusesAmountsAsStringsAndTimestampsWhereADateBelongs() {
        EventType type = EventType.FUNDING_APPLICATION_UPDATED;

        ObjectNode amountAsString = sampleJson(type);
        amountAsString.put("requestedAmountEur", "248000.00");
        ObjectNode timestampAsDate = sampleJson(type);
        timestampAsDate.put("stageDate", "2025-09-30T12:00:00Z");
        ObjectNode notADate = sampleJson(type);
        notADate.put("stageDate", "30.09.2025");

        assertThat(errors(type, amountAsString)).isNotEmpty();
        assertThat(errors(type, timestampAsDate)).isNotEmpty();
        assertThat(errors(type, notADate)).isNotEmpty();
    }

    /** Reads the sources, not target/classes, where a deleted or renamed file lingers until mvn clean. */
    @Test
    void everySchemaFileBelongsToAnEventTypeAndEveryEventTypeHasOne() throws IOException {
        try (Stream<Path> files = Files.list(SCHEMA_SOURCES)) {
            List<String> schemaFiles = files.map(file -> SCHEMA_DIRECTORY + "/" + file.getFileName()).toList();

            assertThat(schemaFiles).as("schema files in %s", SCHEMA_SOURCES).containsExactlyInAnyOrderElementsOf(
                    Stream.of(EventType.values()).map(EventType::schemaPath).toList());
        }
    }

    private ObjectNode sampleJson(EventType type) {
        return (ObjectNode) JSON.readTree(codec.encode(EventSamples.sample(type)));
    }

    private static List<String> errors(EventType type, JsonNode json) {
        if (EventSchemaTest.class.getClassLoader().getResource(type.schemaPath()) == null) {
            fail("No schema for %s: expected classpath resource %s", type.type(), type.schemaPath());
        }
        Schema schema = REGISTRY.getSchema(SchemaLocation.of("classpath:" + type.schemaPath()));
        return schema.validate(json).stream().map(Object::toString).collect(Collectors.toList());
    }

    private static JsonNode schemaNode(EventType type) {
        try (InputStream in = EventSchemaTest.class.getClassLoader().getResourceAsStream(type.schemaPath())) {
            if (in == null) {
                return fail("No schema for %s: expected classpath resource %s", type.type(), type.schemaPath());
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collectObjectSchemas(JsonNode node, List<JsonNode> found) {
        if (node.isObject() && node.has("properties")) {
            found.add(node);
        }
        if (node.isContainer()) {
            node.values().forEach(child -> collectObjectSchemas(child, found));
        }
    }

    private static void assertNullability(Class<?> recordClass, JsonNode objectSchema, JsonNode root) {
        for (RecordComponent component : recordClass.getRecordComponents()) {
            String where = recordClass.getSimpleName() + "." + component.getName();
            JsonNode property = resolve(objectSchema.path("properties").path(component.getName()), root);
            assertThat(property.isMissingNode()).as("schema property for %s", where).isFalse();
            assertThat(strings(property.path("type")).contains("null"))
                    .as("schema allows null for %s", where)
                    .isEqualTo(component.isAnnotationPresent(Nullable.class));

            if (component.getType().isRecord()) {
                assertNullability(component.getType(), property, root);
            } else if (component.getType() == List.class) {
                Type element = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
                if (element instanceof Class<?> elementClass && elementClass.isRecord()) {
                    assertNullability(elementClass, resolve(property.path("items"), root), root);
                }
            }
        }
    }

    private static JsonNode resolve(JsonNode schema, JsonNode root) {
        return schema.has("$ref") ? root.at(schema.get("$ref").asString().substring(1)) : schema;
    }

    private static List<String> strings(JsonNode node) {
        return node.isArray() ? node.valueStream().map(JsonNode::asString).toList() : List.of(node.asString());
    }
}
