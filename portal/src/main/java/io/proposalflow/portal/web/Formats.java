package io.proposalflow.portal.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Dates and amounts in the reader's locale (01.02.2027, 185.000,00 €), used by the templates as
 * {@code @fmt}. Times are shown in the county's time zone, whatever the server's is.
 */
@Component("fmt")
public class Formats {

    static final ZoneId COUNTY = ZoneId.of("Europe/Berlin");

    public String date(LocalDate date, Locale locale) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                .format(date);
    }

    public String date(Instant instant, Locale locale) {
        return instant == null ? "" : date(instant.atZone(COUNTY).toLocalDate(), locale);
    }

    public String dateTime(Instant instant, Locale locale) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).format(instant.atZone(COUNTY));
    }

    /** ISO (yyyy-MM-dd) for an attribute of an input of type date or a machine-readable time element. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.atZone(COUNTY).toOffsetDateTime().toString();
    }

    public String amount(BigDecimal amount, Locale locale) {
        if (amount == null) {
            return "";
        }
        // a currency format needs a country; the reader chose only a language
        NumberFormat format = NumberFormat.getCurrencyInstance(locale.getCountry().isEmpty()
                ? ("de".equals(locale.getLanguage()) ? Locale.GERMANY : Locale.UK) : locale);
        format.setCurrency(Currency.getInstance("EUR"));
        return format.format(amount);
    }

    /** An amount as a person types it back into a form field: 185000,00 (de) or 185000.00 (en). */
    public String amountInput(BigDecimal amount, Locale locale) {
        if (amount == null) {
            return "";
        }
        String plain = amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
        return "de".equals(locale.getLanguage()) ? plain.replace('.', ',') : plain;
    }

    public String number(BigDecimal value, Locale locale) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }

    public String percent(BigDecimal rate, Locale locale) {
        if (rate == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMaximumFractionDigits(0);
        return format.format(rate);
    }

    /**
     * Reads an amount as typed: "185.000,00", "185000" or "185000,5" in German, "185,000.00" in English.
     *
     * @return null if it is not an amount with at most two decimals
     */
    public static BigDecimal parseAmount(String text, Locale locale) {
        if (text == null) {
            return null;
        }
        String s = text.replace(" ", "").replace("\u00a0", "").replace("€", "").replace("EUR", "").trim();
        if ("de".equals(locale.getLanguage())) {
            s = s.replace(".", "").replace(',', '.');
        } else {
            s = s.replace(",", "");
        }
        if (!s.matches("\\d{1,12}(\\.\\d{1,2})?")) {
            return null;
        }
        return new BigDecimal(s).setScale(2);
    }
}
