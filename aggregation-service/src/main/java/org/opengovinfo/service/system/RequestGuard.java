package org.opengovinfo.service.system;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.List;
import java.util.Map;

/**
 * Refuses a request whose path or query holds a control character, a bidirectional override or broken Unicode
 * before any feature sees it: no id, year or name the service knows contains one, and PostgreSQL refuses a NUL
 * outright (a 500 if it ever got that far).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class RequestGuard {

    @RequestFilter
    @Nullable
    HttpResponse<?> refuseUnreadableText(HttpRequest<?> request) {
        String path = request.getUri().getPath();
        if (path == null || !CleanText.isClean(path)) {
            return refuse(request, "path", path == null ? "" : path);
        }
        for (Map.Entry<String, List<String>> parameter : request.getParameters()) {
            for (String value : parameter.getValue()) {
                if (!CleanText.isClean(parameter.getKey()) || !CleanText.isClean(value)) {
                    return refuse(request, Redaction.clip(parameter.getKey()), value);
                }
            }
        }
        return null;
    }

    private static HttpResponse<?> refuse(HttpRequest<?> request, String name, String value) {
        return ProblemHandler.respond(request, ErrorCode.REQUEST_INVALID_PARAMETER.problem(name,
                Redaction.clip(value.replaceAll("\\p{Cntrl}", "?")), Words.PRINTABLE_TEXT).toProblem());
    }
}
