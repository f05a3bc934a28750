package io.proposalflow.portal.web;

import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

import io.proposalflow.portal.PortalProperties;
import io.proposalflow.portal.security.OidcLogin;
import io.proposalflow.portal.security.PortalUser;

/** Start page per role, sign-in page, language switch and the accessibility statement. */
@Controller
public class HomePages {

    private final PortalProperties properties;
    private final LocaleContextResolver language;
    private final boolean oidcLogin;

    public HomePages(PortalProperties properties, LocaleContextResolver language, ObjectProvider<OidcLogin> oidc) {
        this.properties = properties;
        this.language = language;
        this.oidcLogin = oidc.getIfAvailable() != null;
    }

    /** Everyone starts where their daily work is. */
    @GetMapping("/")
    public String home(@AuthenticationPrincipal PortalUser user) {
        return switch (user.role()) {
            case FOCUS_GROUP -> "redirect:/proposals";
            case REVIEWER -> "redirect:/reviews";
            case COORDINATOR -> "redirect:/coordination";
        };
    }

    @GetMapping("/login")
    public String login(ServerWebExchange exchange, Model model) {
        // bare flags (/login?logout): present without a value, so asked for by name
        var query = exchange.getRequest().getQueryParams();
        model.addAttribute("loginError", query.containsKey("error"));
        model.addAttribute("loggedOut", query.containsKey("logout"));
        model.addAttribute("loginUnavailable", query.containsKey("unavailable"));
        // with an identity provider the page offers its sign-in instead of the form
        model.addAttribute("oidcLogin", oidcLogin);
        model.addAttribute("oidcSignIn", OidcLogin.SIGN_IN_PATH);
        return "login";
    }

    /** Remembers the chosen language for a year and returns to the page the reader came from. */
    @GetMapping("/language")
    public String language(@RequestParam String lang, @RequestParam(defaultValue = "/") String back,
            ServerWebExchange exchange) {
        language.setLocaleContext(exchange, new SimpleLocaleContext("en".equals(lang) ? Locale.ENGLISH : Locale.GERMAN));
        // only a path of this site: never an open redirect
        boolean local = back.startsWith("/") && !back.startsWith("//") && !back.contains("\\");
        return "redirect:" + (local ? back : "/");
    }

    @GetMapping("/barrierefreiheit")
    public String accessibility(Model model) {
        model.addAttribute("feedbackAddress", properties.feedbackAddress());
        return "accessibility";
    }
}
