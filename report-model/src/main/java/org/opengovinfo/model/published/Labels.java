package org.opengovinfo.model.published;

import java.util.regex.Pattern;

/** Printed labels compared as a clerk reads them: widths, spaces, quotes and the numbering in front do not matter. */
final class Labels {

    private static final Pattern NUMBERING = Pattern.compile(
            "^(?:[一二三四五六七八九十]+[、.]|\\([一二三四五六七八九十]+\\)|\\d+[.、])");
    private static final Pattern QUOTES = Pattern.compile("[“”\"'‘’「」『』]");
    private static final Pattern REMARK = Pattern.compile("\\([^)]*\\)");

    private Labels() {}

    /** 1．属于国家秘密, 1.属于国家秘密 and 1、属于国家秘密 are one key; so are 危及“三安全一稳定” and 危及"三安全一稳定". */
    static String key(String label) {
        String s = Values.fold(label).replaceAll("\\s+", "");
        s = QUOTES.matcher(s).replaceAll("");
        return NUMBERING.matcher(s).replaceFirst("");
    }

    /** The key without remarks in brackets: （二）部分公开（区分处理的，只计这一情形，不计其他情形） → 部分公开. */
    static String bare(String label) {
        return REMARK.matcher(key(label)).replaceAll("");
    }
}
