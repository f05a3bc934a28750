package io.proposalflow.proposal.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code contact} of a proposal names an organisation or a function ("Fokusgruppe Arbeitswelt,
 * Sprecherin"), never how to reach a person: e-mail addresses and phone numbers of people live only in
 * notification-service's recipient directory, where erasure, access and retention reach them (issue 15,
 * ADR 18). A name cannot be told from an organisation by a pattern; the form's hint asks for none, and
 * docs/datenschutz.md lists the field.
 */
public final class ContactText {

    /** An e-mail address, also written with "(at)" or "[at]". */
    private static final Pattern EMAIL = Pattern.compile(
            "[^\\s@,;:<>()\\[\\]]+\\s*(@|\\(at\\)|\\[at\\]|\\s\\(?at\\)?\\s)\\s*[^\\s@,;:<>()\\[\\]]+\\.[a-z]{2,}",
            Pattern.CASE_INSENSITIVE);
    /** A run of digits with the usual separators, e.g. "05321 76-0", "+49 (0)5321/760". */
    private static final Pattern DIGITS = Pattern.compile("\\+?\\(?\\d[\\d\\s/().\\-]*\\d");
    /** Six digits or more make a phone number; a postcode (5) or a year (4) does not. */
    private static final int PHONE_DIGITS = 6;
    /** What stays behind when a number or address is taken out: "Tel.", "E-Mail:", separators. */
    private static final Pattern LEFTOVER_LABELS = Pattern.compile(
            "(?i)\\b(tel(efon)?|fon|phone|mobil|handy|fax|e-?mail|mail)\\b\\.?\\s*:?");

    private ContactText() {
    }

    /** Why the text may not be stored, or null when it names no address and no number. */
    public static String problem(String contact) {
        if (contact == null) {
            return null;
        }
        if (EMAIL.matcher(contact).find()) {
            return "must name an organisation or a function, not an e-mail address: people's addresses are kept "
                    + "only in the partner directory";
        }
        if (phoneNumberIn(contact)) {
            return "must name an organisation or a function, not a phone number: people's contact details are "
                    + "kept only in the partner directory";
        }
        return null;
    }

    /**
     * The text without e-mail addresses and phone numbers (and their labels), for proposals stored before
     * the rule; null when nothing is left.
     */
    public static String strip(String contact) {
        if (contact == null) {
            return null;
        }
        String text = EMAIL.matcher(contact).replaceAll(" ");
        Matcher digits = DIGITS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (digits.find()) {
            digits.appendReplacement(out, countDigits(digits.group()) >= PHONE_DIGITS ? " "
                    : Matcher.quoteReplacement(digits.group()));
        }
        digits.appendTail(out);
        text = LEFTOVER_LABELS.matcher(out.toString()).replaceAll(" ");
        text = text.replaceAll("\\s*([,;/|])(\\s*[,;/|])+", "$1").replaceAll("\\s+", " ").trim();
        text = text.replaceAll("^[,;/|\\-\\s]+|[,;/|\\-\\s]+$", "").trim();
        return text.isEmpty() ? null : text;
    }

    private static boolean phoneNumberIn(String text) {
        Matcher digits = DIGITS.matcher(text);
        while (digits.find()) {
            if (countDigits(digits.group()) >= PHONE_DIGITS) {
                return true;
            }
        }
        return false;
    }

    private static int countDigits(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            n += Character.isDigit(s.charAt(i)) ? 1 : 0;
        }
        return n;
    }
}
