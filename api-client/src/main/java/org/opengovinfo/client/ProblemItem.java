package org.opengovinfo.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of a problem's {@code errors} that is not a {@link Finding}: e.g. why a unit of an import was refused.
 *
 * @param line the input line it comes from, where the service says (CSV imports)
 * @param unit the unit it is about, if any
 * @param code stable code, e.g. {@code unit.unknown_parent}, {@code hierarchy.cycle}
 * @param messageZh what is wrong, in Chinese
 * @param messageEn the same in English; for an entry of a shape this client does not know, the entry as JSON
 */
public record ProblemItem(Integer line, String unit, String code, String messageZh, String messageEn) {

    /** The message for people: Chinese where the service gave it. */
    public String message() {
        return messageZh != null ? messageZh : messageEn;
    }

    static ProblemItem of(JsonNode entry) {
        Integer line = entry.hasNonNull("line") && entry.get("line").canConvertToInt() ? entry.get("line").asInt() : null;
        String unit = entry.hasNonNull("unit") ? entry.get("unit").asText() : null;
        String code = entry.hasNonNull("code") ? entry.get("code").asText() : null;
        String zh = entry.hasNonNull("messageZh") ? entry.get("messageZh").asText()
                : entry.hasNonNull("detailZh") ? entry.get("detailZh").asText() : null;
        String en = entry.hasNonNull("messageEn") ? entry.get("messageEn").asText()
                : entry.hasNonNull("message") ? entry.get("message").asText()
                : entry.hasNonNull("detail") ? entry.get("detail").asText() : entry.toString();
        return new ProblemItem(line, unit, code, zh, en);
    }
}
