package io.proposalflow.notification.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import io.proposalflow.notification.mail.MailRenderer;

/** Wiring of the mail templates and the dispatcher's schedule. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(NotificationProperties.class)
public class NotificationConfiguration {

    /**
     * A template engine for mails only, separate from any web view engine: it reads
     * {@code templates/mail/*.html} and {@code *.txt} and the texts in {@code mail/messages*.properties}.
     */
    @Bean
    public MailRenderer mailRenderer(MessageSource messageSource, NotificationProperties properties) {
        return new MailRenderer(mailTemplates(messageSource), messageSource, properties.portalUrl());
    }

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
