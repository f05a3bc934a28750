package io.proposalflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/** One browser in the page tests: its cookies (session, language), sent with every request. */
final class PageSession {

    private final WebTestClient web;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    PageSession(WebTestClient web) {
        this.web = web;
    }

    /** Signs in through the login form, as a person does (the form's CSRF token included). */
    EntityExchangeResult<byte[]> signIn(String user, String password) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", password);
        form.add("_csrf", csrf("/login"));
        return post("/login", form);
    }

    /** Signed in as this demo user (password "demo"). */
    PageSession as(String user) {
        assertThat(signIn(user, "demo").getResponseHeaders().getLocation()).as("signed in").hasToString("/");
        return this;
    }

    String csrf(String path) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page(path));
        assertThat(m.find()).as("a CSRF field on " + path).isTrue();
        return m.group(1);
    }

    EntityExchangeResult<byte[]> get(String path) {
        return remember(web.get().uri(path).headers(this::send).exchange().expectBody().returnResult());
    }

    /** The page at this path, which must open (200). */
    String page(String path) {
        EntityExchangeResult<byte[]> result = get(path);
        assertThat(result.getStatus().value()).as(path).isEqualTo(200);
        return body(result);
    }

    static String body(EntityExchangeResult<byte[]> result) {
        return new String(result.getResponseBodyContent(), StandardCharsets.UTF_8);
    }

    void status(String path, int status) {
        assertThat(get(path).getStatus().value()).as(path).isEqualTo(status);
    }

    EntityExchangeResult<byte[]> post(String path, MultiValueMap<String, String> form) {
        return remember(web.post().uri(path).headers(this::send).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form)).exchange().expectBody().returnResult());
    }

    private void send(HttpHeaders headers) {
        if (!cookies.isEmpty()) {
            headers.add("Cookie", String.join("; ", cookies.values()));
        }
    }

    private EntityExchangeResult<byte[]> remember(EntityExchangeResult<byte[]> result) {
        List<String> set = result.getResponseHeaders().get("Set-Cookie");
        if (set != null) {
            set.forEach(c -> cookies.put(c.substring(0, c.indexOf('=')), c.substring(0, c.indexOf(';'))));
        }
        return result;
    }
}
