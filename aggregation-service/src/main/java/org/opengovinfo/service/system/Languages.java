package org.opengovinfo.service.system;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import java.util.Locale;

/**
 * Which language a person reads: Chinese unless the request's {@code Accept-Language} puts English first. Answers carry
 * both languages always ({@code …Zh}, {@code …En}); the plain {@code detail} and {@code message} follow this.
 */
public final class Languages {

    private Languages() {}

    /** Whether the current request (if any) prefers English. */
    public static boolean english() {
        return ServerRequestContext.currentRequest().map(Languages::english).orElse(false);
    }

    public static boolean english(HttpRequest<?> request) {
        String header = request == null ? null : request.getHeaders().get("Accept-Language");
        if (header == null || header.isBlank()) {
            return false;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String tag = range.getRange();
                if (tag.startsWith("zh")) {
                    return false;
                }
                if (tag.startsWith("en")) {
                    return true;
                }
            }
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
        return false;
    }

    /** The one of two wordings the current request reads. */
    public static String pick(String zh, String en) {
        return english() ? en : zh;
    }
}
