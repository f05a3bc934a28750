package io.proposalflow.portal.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.proposalflow.events.FundingStage;
import io.proposalflow.portal.backend.Dtos.FundingApplication;
import io.proposalflow.portal.backend.Dtos.Proposal;

/** The coordination's report of an approved proposal's funding application, as typed. */
public class FundingForm {

    private Long version;
    private String programme = "";
    private String stage = "";
    private String requestedAmountEur = "";
    private String grantedAmountEur = "";
    private String stageDate = "";
    private String note = "";

    /** The last report, or a first one prefilled from the proposal (its programme and budget). */
    static FundingForm of(Proposal p, Formats formats, Locale locale) {
        FundingForm form = new FundingForm();
        FundingApplication f = p.fundingApplication();
        if (f == null) {
            form.programme = p.fundingProgramme() == null ? "" : p.fundingProgramme();
            form.requestedAmountEur = formats.amountInput(p.requestedBudgetEur(), locale);
            form.stageDate = LocalDate.now(Formats.COUNTY).toString();
            return form;
        }
        form.programme = f.programme();
        form.stage = f.stage().name();
        form.requestedAmountEur = formats.amountInput(f.requestedAmountEur(), locale);
        form.grantedAmountEur = formats.amountInput(f.grantedAmountEur(), locale);
        form.stageDate = f.stageDate() == null ? "" : f.stageDate().toString();
        form.note = f.note() == null ? "" : f.note();
        return form;
    }

    FormErrors validate(Locale locale) {
        FormErrors errors = new FormErrors();
        errors.text("programme", programme, 200, true);
        FundingStage s = stage();
        if (s == null) {
            errors.reject("stage", "error.required.choice");
        }
        if (requestedAmountEur == null || requestedAmountEur.isBlank()) {
            errors.reject("requestedAmountEur", "error.required");
        } else if (Formats.parseAmount(requestedAmountEur, locale) == null) {
            errors.reject("requestedAmountEur", "error.amount");
        }
        boolean granted = grantedAmountEur != null && !grantedAmountEur.isBlank();
        if (s == FundingStage.GRANTED && !granted) {
            errors.reject("grantedAmountEur", "error.granted.required");
        } else if (s != null && s != FundingStage.GRANTED && granted) {
            errors.reject("grantedAmountEur", "error.granted.onlyWithGrant");
        } else if (granted && Formats.parseAmount(grantedAmountEur, locale) == null) {
            errors.reject("grantedAmountEur", "error.amount");
        }
        if (stageDate == null || stageDate.isBlank()) {
            errors.reject("stageDate", "error.required.date");
        } else {
            try {
                LocalDate.parse(stageDate.trim());
            } catch (DateTimeParseException e) {
                errors.reject("stageDate", "error.date");
            }
        }
        errors.text("note", note, 2000, false);
        return errors;
    }

    Map<String, Object> toRequest(Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("programme", programme.trim());
        body.put("stage", stage);
        body.put("requestedAmountEur", Formats.parseAmount(requestedAmountEur, locale));
        body.put("grantedAmountEur", grantedAmountEur == null || grantedAmountEur.isBlank() ? null
                : Formats.parseAmount(grantedAmountEur, locale));
        body.put("stageDate", stageDate.trim());
        body.put("note", note == null || note.isBlank() ? null : note.trim());
        return body;
    }

    static Map<String, String> serviceFields() {
        Map<String, String> names = new LinkedHashMap<>();
        for (String field : new String[] { "programme", "stage", "requestedAmountEur", "grantedAmountEur",
                "stageDate", "note" }) {
            names.put(field, field);
        }
        return names;
    }

    FundingStage stage() {
        return Arrays.stream(FundingStage.values()).filter(s -> s.name().equals(stage)).findFirst().orElse(null);
    }

    /** The version the form was rendered from, sent back as If-Match. */
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public String getProgramme() { return programme; }
    public void setProgramme(String programme) { this.programme = programme; }
    public String getStage() { return stage; }
    public void setStage(String stage) { this.stage = stage; }
    public String getRequestedAmountEur() { return requestedAmountEur; }
    public void setRequestedAmountEur(String requestedAmountEur) { this.requestedAmountEur = requestedAmountEur; }
    public String getGrantedAmountEur() { return grantedAmountEur; }
    public void setGrantedAmountEur(String grantedAmountEur) { this.grantedAmountEur = grantedAmountEur; }
    public String getStageDate() { return stageDate; }
    public void setStageDate(String stageDate) { this.stageDate = stageDate; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
