package org.opengovinfo.model.rule;

import java.util.Objects;

/**
 * A message shown to people, in Chinese (the clerk's language and the report's own words) and English.
 *
 * @param zh the Chinese text, never blank
 * @param en the English text, never blank
 */
public record Message(String zh, String en) {

    public Message {
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
        if (zh.isBlank() || en.isBlank()) {
            throw new IllegalArgumentException("a message needs both a Chinese and an English text");
        }
    }
}
