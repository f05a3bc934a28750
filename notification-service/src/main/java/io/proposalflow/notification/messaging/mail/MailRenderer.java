package io.proposalflow.notification.messaging.mail;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import io.proposalflow.events.ProposalReference;
import io.proposalflow.events.RecipientKind;
import io.proposalflow.notification.config.NotificationProperties;
import io.proposalflow.notification.domain.Language;
import io.proposalflow.notification.domain.MailFacts;
import io.proposalflow.notification.domain.MailKind;

/**
 * Renders a notification with the Thymeleaf templates {@code templates/mail/notification.(html|txt)} and
 * the texts of {@code mail/messages*.properties}: German by default, English for those who prefer it.
 */
@Component
public class MailRenderer {

    /** Dates in mails are local to the county. */
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final String portalUrl;

    @Autowired
    public MailRenderer(MessageSource messageSource, NotificationProperties properties) {
        this(mailTemplates(messageSource), messageSource, properties.portalUrl());
    }

    /** @param portalUrl where people open the portal; the links in mails start with it */
    public MailRenderer(ITemplateEngine templates, MessageSource messages, String portalUrl) {
        this.templates = templates;
        this.messages = messages;
        this.portalUrl = portalUrl.endsWith("/") ? portalUrl.substring(0, portalUrl.length() - 1) : portalUrl;
    }

    /** One row of the facts table. */
    public record Fact(String label, String value) {
    }

    /**
     * @param recipientKind who reads it: a focus group's shared address is greeted as a group, and some
     *                      texts differ for the focus group, partners and reviewers
     */
    public RenderedMail render(MailFacts facts, RecipientKind recipientKind, String recipientName,
            Language language) {
        Locale locale = language.locale();
        Context context = new Context(locale);
        String subject = text("subject." + facts.kind(), locale, facts.title(), headline(facts, locale),
                reference(facts));
        context.setVariable("lang", locale.getLanguage());
        context.setVariable("subject", subject);
        context.setVariable("greeting", recipientKind == RecipientKind.FOCUS_GROUP && facts.themenfeld() != null
                ? text("greeting.FOCUS_GROUP", locale, themenfeld(facts, locale))
                : text("greeting.PERSON", locale, recipientName));
        context.setVariable("intro", forRecipient("intro." + facts.kind(), recipientKind, locale, facts.title()));
        context.setVariable("facts", facts(facts, locale));
        context.setVariable("comments", facts.reviewerComments());
        context.setVariable("nextStep", forRecipient(nextStepKey(facts), recipientKind, locale));
        context.setVariable("linkText", text(recipientKind == RecipientKind.REVIEWER && facts.reviewCaseId() != null
                ? "link.review" : "link.proposal", locale));
        context.setVariable("link", link(facts, recipientKind));
        return new RenderedMail(subject, templates.process("notification.txt", context),
                templates.process("notification.html", context));
    }

    /** A reviewer goes to the case to decide; everybody else to the proposal. */
    String link(MailFacts facts, RecipientKind recipientKind) {
        if (recipientKind == RecipientKind.REVIEWER && facts.reviewCaseId() != null) {
            return portalUrl + "/reviews/" + facts.reviewCaseId();
        }
        return portalUrl + "/proposals/" + facts.proposalId();
    }

    private static String reference(MailFacts facts) {
        return facts.proposalId() == null ? "" : ProposalReference.of(UUID.fromString(facts.proposalId()));
    }

    /** What the subject names besides the title: the new status, stage, outcome or due date. */
    private String headline(MailFacts f, Locale locale) {
        if (f.kind() == MailKind.FUNDING_UPDATED) {
            return text("stage." + f.fundingStage(), locale);
        }
        if (f.kind() == MailKind.REVIEW_COMPLETED) {
            return text("outcome." + f.outcome(), locale);
        }
        if (f.kind() == MailKind.REVIEW_REMINDER || f.kind() == MailKind.REVIEW_OVERDUE) {
            return f.dueAt() == null ? "" : dateTime(f.dueAt(), locale);
        }
        return f.status() == null ? "" : text("status." + f.status(), locale);
    }

    private static String nextStepKey(MailFacts f) {
        if (f.kind() == MailKind.STATUS_CHANGED) {
            return "next.status." + f.status();
        }
        if (f.kind() == MailKind.FUNDING_UPDATED) {
            return "next.stage." + f.fundingStage();
        }
        if (f.kind() == MailKind.REVIEW_COMPLETED) {
            return "next.outcome." + f.outcome();
        }
        return "next." + f.kind();
    }

    /** The text of {@code key} for this kind of recipient ({@code key.FOCUS_GROUP}, ...), else the general one. */
    private String forRecipient(String key, RecipientKind recipientKind, Locale locale, Object... args) {
        String specific = recipientKind == null ? null
                : messages.getMessage(key + "." + recipientKind, args, null, locale);
        return specific != null ? specific : text(key, locale, args);
    }

    private String themenfeld(MailFacts f, Locale locale) {
        return messages.getMessage("themenfeld." + f.themenfeld(), null, f.themenfeld().label(), locale);
    }

    private List<Fact> facts(MailFacts f, Locale locale) {
        List<Fact> rows = new ArrayList<>();
        add(rows, "label.title", f.title(), locale);
        add(rows, "label.reference", reference(f), locale);
        add(rows, "label.themenfeld", f.themenfeld() == null ? null : themenfeld(f, locale), locale);
        add(rows, "label.status", f.status() == null ? null : text("status." + f.status(), locale), locale);
        add(rows, "label.previousStatus",
                f.previousStatus() == null ? null : text("status." + f.previousStatus(), locale), locale);
        add(rows, "label.round", f.round() == null ? null : f.round().toString(), locale);
        add(rows, "label.outcome", f.outcome() == null ? null : text("outcome." + f.outcome(), locale), locale);
        add(rows, "label.tally", f.tally() == null || f.tally().total() == 0 ? null : text("tally", locale,
                f.tally().total(), f.tally().approvals(), f.tally().changeRequests(), f.tally().rejections()), locale);
        add(rows, "label.programme", f.programme(), locale);
        add(rows, "label.fundingStage",
                f.fundingStage() == null ? null : text("stage." + f.fundingStage(), locale), locale);
        add(rows, "label.stageDate", f.stageDate() == null ? null : date(f.stageDate(), locale), locale);
        add(rows, "label.requestedAmount", money(f.requestedAmountEur(), locale), locale);
        add(rows, "label.grantedAmount", money(f.grantedAmountEur(), locale), locale);
        add(rows, "label.reason", f.reason(), locale);
        add(rows, "label.dueAt", f.dueAt() == null ? null : dateTime(f.dueAt(), locale), locale);
        return rows;
    }

    private void add(List<Fact> rows, String labelKey, String value, Locale locale) {
        if (value != null && !value.isBlank()) {
            rows.add(new Fact(text(labelKey, locale), value));
        }
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    static String money(BigDecimal amount, Locale locale) {
        if (amount == null) {
            return null;
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.GERMAN.equals(locale) ? Locale.GERMANY : Locale.UK);
        format.setCurrency(Currency.getInstance("EUR"));
        // the JDK puts a no-break space before the € sign; plain text mail readers fare better with a space
        return format.format(amount).replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    private static String date(LocalDate date, Locale locale) {
        return date.format(DateTimeFormatter.ofPattern(Locale.GERMAN.equals(locale) ? "dd.MM.yyyy" : "d MMMM yyyy",
                locale));
    }

    private static String dateTime(Instant instant, Locale locale) {
        return instant.atZone(ZONE).format(DateTimeFormatter.ofPattern(
                Locale.GERMAN.equals(locale) ? "dd.MM.yyyy, HH:mm 'Uhr'" : "d MMMM yyyy, HH:mm", locale));
    }

    /**
     * A template engine for mails only, separate from any web view engine: it reads
     * {@code templates/mail/*.html} and {@code *.txt} and the texts in {@code mail/messages*.properties}.
     */
    public static SpringTemplateEngine mailTemplates(MessageSource messageSource) {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
        engine.setTemplateEngineMessageSource(messageSource);
        return engine;
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }
}
