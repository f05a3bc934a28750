package io.proposalflow.events;

/** The six topic fields of the integration programme; each has one focus group. */
public enum Themenfeld {
    HEALTH("Gesundheit"),
    VOLUNTEERING("Ehrenamt & Zivilgesellschaft"),
    LOCAL_LIVING("Leben & Wohnen vor Ort"),
    EMPOWERMENT("Empowerment"),
    WORK_ECONOMY("Arbeitswelt & Wirtschaft"),
    EDUCATION_LANGUAGE("Bildung & Sprache");

    private final String label;

    Themenfeld(String label) {
        this.label = label;
    }

    /** German name as shown to users. */
    public String label() {
        return label;
    }
}
