package io.proposalflow.portal.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.proposalflow.events.PartnerRef;
import io.proposalflow.events.Themenfeld;
import io.proposalflow.portal.backend.Dtos.Proposal;

/**
 * The draft form as typed: every field as text, so a wrong entry comes back exactly as it was typed
 * next to its message. Lists (goals, target groups) are one entry per line.
 */
public class ProposalForm {

    /** Partner rows the form offers; empty rows are ignored. */
    static final int PARTNER_ROWS = 4;

    private Long version;
    private String idempotencyKey;
    private String title = "";
    private String summary = "";
    private String themenfeld = "";
    private String goals = "";
    private String targetGroups = "";
    private List<PartnerRow> partners = new ArrayList<>();
    private String requestedBudgetEur = "";
    private String plannedStart = "";
    private String plannedEnd = "";
    private String fundingProgramme = "";
    private String contact = "";

    public ProposalForm() {
        fillPartnerRows();
    }

    static ProposalForm blank(Themenfeld themenfeld) {
        ProposalForm form = new ProposalForm();
        form.themenfeld = themenfeld == null ? "" : themenfeld.name();
        return form;
    }

    static ProposalForm of(Proposal p, Formats formats, Locale locale) {
        ProposalForm form = new ProposalForm();
        form.title = p.title();
        form.summary = p.summary();
        form.themenfeld = p.themenfeld().name();
        form.goals = String.join("\n", p.goals());
        form.targetGroups = String.join("\n", p.targetGroups());
        form.partners = new ArrayList<>(p.partners().stream().map(r -> new PartnerRow(r.id(), r.name(), r.role()))
                .toList());
        form.fillPartnerRows();
        form.requestedBudgetEur = formats.amountInput(p.requestedBudgetEur(), locale);
        form.plannedStart = p.plannedStart() == null ? "" : p.plannedStart().toString();
        form.plannedEnd = p.plannedEnd() == null ? "" : p.plannedEnd().toString();
        form.fundingProgramme = p.fundingProgramme() == null ? "" : p.fundingProgramme();
        form.contact = p.contact() == null ? "" : p.contact();
        return form;
    }

    void fillPartnerRows() {
        while (partners.size() < PARTNER_ROWS) {
            partners.add(new PartnerRow());
        }
    }

    /**
     * Checks every field the way proposal-service will, so the reader gets the messages in their language.
     * Partners are chosen from the directory (their names taken from it); only while the directory cannot be
     * reached are they typed by id and name.
     */
    FormErrors validate(Locale locale, PartnerChoices directory) {
        FormErrors errors = new FormErrors();
        errors.text("title", title, 200, true);
        errors.text("summary", summary, 5000, true);
        if (themenfeld() == null) {
            errors.reject("themenfeld", "error.required.choice");
        }
        lines("goals", goals, 500, errors);
        lines("targetGroups", targetGroups, 200, errors);
        for (int i = 0; i < partners.size(); i++) {
            PartnerRow row = partners.get(i);
            if (row.isEmpty()) {
                continue;
            }
            String prefix = "partners" + i;
            if (directory.available()) {
                if (row.id == null || row.id.isBlank()) {
                    errors.reject(prefix + "id", "error.partner.choose");
                } else if (directory.nameOf(row.id.trim()) == null) {
                    errors.reject(prefix + "id", "error.partner.unknown");
                }
            } else {
                if (row.id == null || !row.id.trim().matches("^[a-z0-9][a-z0-9-]{1,62}$")) {
                    errors.reject(prefix + "id", "error.slug");
                }
                errors.text(prefix + "name", row.name, 200, true);
            }
            errors.text(prefix + "role", row.role, 200, true);
        }
        if (requestedBudgetEur == null || requestedBudgetEur.isBlank()) {
            errors.reject("requestedBudgetEur", "error.required");
        } else if (Formats.parseAmount(requestedBudgetEur, locale) == null) {
            errors.reject("requestedBudgetEur", "error.amount");
        }
        LocalDate start = date("plannedStart", plannedStart, errors);
        LocalDate end = date("plannedEnd", plannedEnd, errors);
        if (start != null && end != null && end.isBefore(start)) {
            errors.reject("plannedEnd", "error.endBeforeStart");
        }
        errors.text("fundingProgramme", fundingProgramme, 200, false);
        errors.text("contact", contact, 300, false);
        if (!errors.has("contact") && contact != null && personalContactDetails(contact)) {
            errors.reject("contact", "error.contact.personal");
        }
        return errors;
    }

    /**
     * An e-mail address or a phone number (six digits or more) in the contact: refused here as
     * proposal-service refuses it (its ContactText), so the message stands next to the field.
     */
    static boolean personalContactDetails(String contact) {
        if (contact.matches("(?s).*\\S@\\S.*") || contact.matches("(?is).*\\S\\s*[(\\[]at[)\\]]\\s*\\S.*")) {
            return true;
        }
        java.util.regex.Matcher digits = java.util.regex.Pattern.compile("\\+?\\(?\\d[\\d\\s/().\\-]*\\d")
                .matcher(contact);
        while (digits.find()) {
            if (digits.group().replaceAll("\\D", "").length() >= 6) {
                return true;
            }
        }
        return false;
    }

    /** The request body proposal-service takes; call only after {@link #validate} found nothing. */
    Map<String, Object> toRequest(Locale locale, PartnerChoices directory) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title.trim());
        body.put("summary", summary.trim());
        body.put("themenfeld", themenfeld);
        body.put("goals", split(goals));
        body.put("targetGroups", split(targetGroups));
        body.put("partners", partners.stream().filter(r -> !r.isEmpty())
                .map(r -> new PartnerRef(r.id.trim(), directory.available() ? directory.nameOf(r.id.trim()) : r.name.trim(),
                        r.role.trim())).toList());
        body.put("requestedBudgetEur", Formats.parseAmount(requestedBudgetEur, locale));
        body.put("plannedStart", plannedStart.trim());
        body.put("plannedEnd", plannedEnd.trim());
        body.put("fundingProgramme", blankToNull(fundingProgramme));
        body.put("contact", blankToNull(contact));
        return body;
    }

    /** The service's field names onto the form's (partners[2].id -> partners2id). */
    static Map<String, String> serviceFields() {
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < PARTNER_ROWS; i++) {
            names.put("partners[" + i + "].id", "partners" + i + "id");
            names.put("partners[" + i + "].name", "partners" + i + "name");
            names.put("partners[" + i + "].role", "partners" + i + "role");
        }
        for (String field : List.of("title", "summary", "themenfeld", "goals", "targetGroups", "requestedBudgetEur",
                "plannedStart", "plannedEnd", "fundingProgramme", "contact")) {
            names.put(field, field);
        }
        return names;
    }

    Themenfeld themenfeld() {
        return Arrays.stream(Themenfeld.values()).filter(t -> t.name().equals(themenfeld)).findFirst().orElse(null);
    }

    private static void lines(String field, String text, int max, FormErrors errors) {
        List<String> lines = split(text);
        if (lines.isEmpty()) {
            errors.reject(field, "error.required.lines");
        } else if (lines.size() > 20) {
            errors.reject(field, "error.tooManyLines");
        } else if (lines.stream().anyMatch(l -> l.length() > max)) {
            errors.reject(field, "error.lineTooLong." + max);
        }
    }

    private static LocalDate date(String field, String text, FormErrors errors) {
        if (text == null || text.isBlank()) {
            errors.reject(field, "error.required.date");
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            errors.reject(field, "error.date");
            return null;
        }
    }

    static List<String> split(String text) {
        return text == null ? List.of()
                : text.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** One partner organisation of the proposal: an organisation, never a person. */
    public static class PartnerRow {
        private String id = "";
        private String name = "";
        private String role = "";

        public PartnerRow() {
        }

        PartnerRow(String id, String name, String role) {
            this.id = id;
            this.name = name;
            this.role = role;
        }

        boolean isEmpty() {
            return (id == null || id.isBlank()) && (name == null || name.isBlank()) && (role == null || role.isBlank());
        }

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getRole() {
            return role;
        }

        public void setRole(String role) {
            this.role = role;
        }
    }

    /** The key the new-draft form was rendered with, sent as Idempotency-Key. */
    public String getIdempotencyKey() { return idempotencyKey; }
    public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
    /** The version the form was rendered from, sent back as If-Match. */
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getThemenfeld() { return themenfeld; }
    public void setThemenfeld(String themenfeld) { this.themenfeld = themenfeld; }
    public String getGoals() { return goals; }
    public void setGoals(String goals) { this.goals = goals; }
    public String getTargetGroups() { return targetGroups; }
    public void setTargetGroups(String targetGroups) { this.targetGroups = targetGroups; }
    public List<PartnerRow> getPartners() { return partners; }
    public void setPartners(List<PartnerRow> partners) { this.partners = partners; }
    public String getRequestedBudgetEur() { return requestedBudgetEur; }
    public void setRequestedBudgetEur(String requestedBudgetEur) { this.requestedBudgetEur = requestedBudgetEur; }
    public String getPlannedStart() { return plannedStart; }
    public void setPlannedStart(String plannedStart) { this.plannedStart = plannedStart; }
    public String getPlannedEnd() { return plannedEnd; }
    public void setPlannedEnd(String plannedEnd) { this.plannedEnd = plannedEnd; }
    public String getFundingProgramme() { return fundingProgramme; }
    public void setFundingProgramme(String fundingProgramme) { this.fundingProgramme = fundingProgramme; }
    public String getContact() { return contact; }
    public void setContact(String contact) { this.contact = contact; }
}
