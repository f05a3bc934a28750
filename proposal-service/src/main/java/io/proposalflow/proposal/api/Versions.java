package io.proposalflow.proposal.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import io.proposalflow.platform.errors.InvalidInputException;

/** The proposal's version as an HTTP entity tag: {@code "3"}. */
final class Versions {

    /** What the API description allows in If-Match: a strong tag as the ETag gives it, or {@code *}. */
    static final String IF_MATCH_PATTERN = "^(\\*|\"[0-9]{1,18}\")$";

    private static final Pattern STRONG = Pattern.compile("\"([0-9]{1,18})\"");
    private static final Pattern WEAK = Pattern.compile("W/\"[^\"]*\"");

    private Versions() {
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * @return the version an If-Match names, or null for none or {@code *} (any version)
     * @throws InvalidInputException       (400) for anything that is no entity tag, e.g. {@code 3} without quotes
     * @throws ResponseStatusException 412 for a weak tag, which never matches: If-Match compares strongly
     *                                     (RFC 9110, 13.1.1)
     */
    static Long parse(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.equals("*")) {
            return null;
        }
        Matcher strong = STRONG.matcher(tag);
        if (strong.matches()) {
            return Long.parseLong(strong.group(1));
        }
        if (WEAK.matcher(tag).matches()) {
            throw new ResponseStatusException(HttpStatus.PRECONDITION_FAILED,
                    "A weak entity tag never matches If-Match; send the ETag as given, e.g. \"3\".");
        }
        throw new InvalidInputException("If-Match",
                "must be the entity tag as given in the ETag, quotes included, e.g. \"3\"");
    }
}
