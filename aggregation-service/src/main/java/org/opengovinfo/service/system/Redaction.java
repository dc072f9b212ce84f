package org.opengovinfo.service.system;

import io.micronaut.http.HttpRequest;
import java.util.regex.Pattern;

/**
 * What may be written to a log or echoed to a client: no secret, and nothing long. A token sent where it does not
 * belong (in the query string, say) is refused, and must not then sit in the access log.
 */
public final class Redaction {

    private static final Pattern SECRET = Pattern.compile("ogi_[A-Za-z0-9_\\-]*");
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)((?:access_token|token|secret|password|api_key|apikey|key)=)[^&]*");
    private static final int LONGEST_PATH = 300;
    private static final int LONGEST_VALUE = 40;

    private Redaction() {}

    /** The request's path and query with secrets replaced, at most a few hundred characters. */
    public static String path(HttpRequest<?> request) {
        String raw = request.getUri().getRawPath();
        String query = request.getUri().getRawQuery();
        return text(query == null ? raw : raw + "?" + query, LONGEST_PATH);
    }

    /** Any text with secrets replaced and cut to {@code max} characters. */
    public static String text(String text, int max) {
        String safe = SECRET_PARAMETER.matcher(SECRET.matcher(text).replaceAll("ogi_[redacted]")).replaceAll("$1[redacted]");
        return safe.length() <= max ? safe : safe.substring(0, max) + "…(" + safe.length() + " characters)";
    }

    /** A value as given, for a message: secrets replaced, long values cut. */
    public static String clip(String value) {
        return text(value, LONGEST_VALUE);
    }
}
