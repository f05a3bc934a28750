package io.proposalflow.notification.domain;

import java.util.Locale;

/** The language a recipient reads their mail in; German unless they asked for English. */
public enum Language {
    DE(Locale.GERMAN),
    EN(Locale.ENGLISH);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }
}
