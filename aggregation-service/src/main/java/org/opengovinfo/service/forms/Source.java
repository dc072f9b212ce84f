package org.opengovinfo.service.forms;

import java.util.Arrays;
import java.util.Optional;
import org.opengovinfo.service.system.Words;

/** Whose figures a report or form shows; its Chinese word is what the form's heading prints. */
public enum Source {
    EMPTY("empty", "空白表格", "an empty form"),
    OWN("own", "本级数据", "the unit's own figures"),
    CONSOLIDATED("consolidated", "汇总数据", "consolidated figures");

    private final String code;
    private final String zh;
    private final Words words;

    Source(String code, String zh, String en) {
        this.code = code;
        this.zh = zh;
        this.words = new Words(zh, en);
    }

    String code() {
        return code;
    }

    /** As the form's heading prints it. */
    String printed() {
        return zh;
    }

    Words words() {
        return words;
    }

    static Optional<Source> parse(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    static Optional<Source> ofPrinted(String text) {
        return Arrays.stream(values()).filter(s -> s.zh.equals(text)).findFirst();
    }
}
