package org.opengovinfo.service.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scripts test for codes, so every code is written down where they look: the README's list and the OpenAPI
 * document's Problem schema. Each code has one status, and every message template takes its arguments in both
 * languages alike.
 */
class ErrorCodesDocumentedTest {

    @Test
    void everyCodeIsListedInTheReadmeAndTheApiDocument() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String api;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/swagger/open-government-information-reports-v1.yml")) {
            api = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> missing = new ArrayList<>();
        for (String code : ErrorCode.distinct().keySet()) {
            if (!readme.contains("`" + code + "`")) {
                missing.add("README: " + code);
            }
            if (!api.contains("- " + code + "\n")) {
                missing.add("OpenAPI: " + code);
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void aCodeSharedByTwoWordingsHasOneStatusAndEveryWordingFormatsInBothLanguages() {
        for (ErrorCode e : ErrorCode.values()) {
            assertEquals(ErrorCode.distinct().get(e.code()).status(), e.status(), e.name());
            Object[] args = {"a", "b", "c", "d", "e"};
            String zh = e.zh(args);
            String en = e.en(args);
            assertFalse(zh.contains("%") || en.contains("%"), e.name() + ": " + zh + " / " + en);
            assertTrue(!zh.isBlank() && !en.isBlank() && !zh.equals(en), e.name());
        }
    }
}
