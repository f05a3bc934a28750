package io.proposalflow.platform.web.openapi;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Documents {@code @NotBlank} and {@code @NotEmpty} of request records as {@code minLength}/{@code minItems}
 * 1. swagger-core applies {@code @Size} after them, and its minimum defaults to 0: {@code @NotEmpty
 * @Size(max = 20) List<String> goals} would be described as "0 to 20 items" although an empty list is
 * refused. Element constraints ({@code List<@NotBlank String>}) are applied to the items.
 */
public class NonEmptyConstraints implements ModelConverter {

    @Override
    @SuppressWarnings("rawtypes")
    public Schema resolve(io.swagger.v3.core.converter.AnnotatedType type, ModelConverterContext context,
            Iterator<ModelConverter> chain) {
        Schema resolved = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        if (resolved == null || type.getType() == null) {
            return resolved;
        }
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        if (!raw.isRecord()) {
            return resolved;
        }
        Schema model = resolved;
        if (resolved.get$ref() != null) {
            String name = resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1);
            model = context.getDefinedModels().get(name);
        }
        if (model == null || model.getProperties() == null) {
            return resolved;
        }
        for (RecordComponent component : raw.getRecordComponents()) {
            Object property = model.getProperties().get(component.getName());
            if (property instanceof Schema schema) {
                // jakarta's constraints do not target record components: they sit on the accessor
                AnnotatedType annotated = component.getAnnotatedType();
                atLeastOne(schema, component.getAccessor().getAnnotations());
                atLeastOne(schema, annotated.getAnnotations());
                if (schema.getItems() != null && annotated instanceof AnnotatedParameterizedType parameterized
                        && parameterized.getAnnotatedActualTypeArguments().length == 1) {
                    atLeastOne(schema.getItems(), parameterized.getAnnotatedActualTypeArguments()[0].getAnnotations());
                }
            }
        }
        return resolved;
    }

    @SuppressWarnings("rawtypes")
    private static void atLeastOne(Schema schema, Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            String name = annotation.annotationType().getName();
            boolean notBlank = name.equals("jakarta.validation.constraints.NotBlank");
            boolean notEmpty = name.equals("jakarta.validation.constraints.NotEmpty");
            if ((notBlank || notEmpty) && "string".equals(schema.getType())
                    && (schema.getMinLength() == null || schema.getMinLength() < 1)) {
                schema.setMinLength(1);
            }
            if (notEmpty && "array".equals(schema.getType())
                    && (schema.getMinItems() == null || schema.getMinItems() < 1)) {
                schema.setMinItems(1);
            }
        }
    }
}
