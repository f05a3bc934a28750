package io.proposalflow.portal.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The problems of one form submission, field by field, in the order of the form: the error summary
 * at the top lists them with links to their fields, and each field shows its own message (the GOV.UK
 * and KERN UX pattern). Values are message keys; the template renders them in the reader's language.
 */
public final class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    public void reject(String field, String messageKey) {
        byField.putIfAbsent(field, messageKey);
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.get(field);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public Map<String, String> all() {
        return byField;
    }

    /** Checks a required text with a maximum length. */
    void text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                reject(field, "error.required");
            }
        } else if (value.trim().length() > max) {
            reject(field, "error.tooLong." + max);
        }
    }

    /**
     * Maps a service's refusal onto the form's fields: the portal checks the same rules first, so this
     * is a safety net for rules only the service knows; its messages are English, so the field gets
     * the portal's general wording.
     */
    void fromService(Map<String, String> serviceFieldErrors, Map<String, String> fieldNames) {
        serviceFieldErrors.forEach((field, message) -> {
            String mapped = fieldNames.entrySet().stream().filter(e -> field.startsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            reject(mapped != null ? mapped : "form", "error.service");
        });
    }
}
