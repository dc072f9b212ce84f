package org.opengovinfo.service.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Pages rendered by Thymeleaf from {@code views/web/*.html}, escaped by the engine ({@code th:text}, never
 * {@code th:utext}), with the headers every page carries ({@link PageHeaders} adds the security policy).
 */
@Singleton
class Html {

    static final MediaType HTML_UTF8 = MediaType.of("text/html; charset=UTF-8");

    private final TemplateEngine engine;

    Html(TemplateEngine engine) {
        this.engine = engine;
    }

    String render(String view, Object page) {
        return engine.process("web/" + view, new Context(Locale.SIMPLIFIED_CHINESE, Map.of("page", page)));
    }

    MutableHttpResponse<byte[]> page(HttpStatus status, String view, Object page) {
        return HttpResponse.<byte[]>status(status).body(render(view, page).getBytes(StandardCharsets.UTF_8))
                .contentType(HTML_UTF8);
    }

    MutableHttpResponse<byte[]> page(String view, Object page) {
        return page(HttpStatus.OK, view, page);
    }
}
