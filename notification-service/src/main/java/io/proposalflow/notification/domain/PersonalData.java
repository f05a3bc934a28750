package io.proposalflow.notification.domain;

import java.util.regex.Pattern;

/** Keeps personal data out of texts that are stored or published (error messages of mail servers). */
public final class PersonalData {

    /** What replaces a person's name and address after erasure. */
    public static final String ERASED = "erased";

    private static final Pattern EMAIL = Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+");

    private PersonalData() {
    }

    /** The text with every email address replaced, e.g. from "550 anna@example.org unknown". */
    public static String withoutAddresses(String text) {
        return text == null ? null : EMAIL.matcher(text).replaceAll("<address>");
    }
}
