package org.opengovinfo.model.figures;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.opengovinfo.model.rule.Finding;
import org.opengovinfo.model.rule.Message;

/**
 * Why an input value was rejected. Each has a stable code for scripts and a message for clerks; message
 * arguments are the cell code, the value as given, and one detail.
 *
 * <p>The value is echoed at most {@value #ECHO_LENGTH} characters long, then "…" and its length: a message must not
 * carry a megabyte of digits back to the client, nor cost the quadratic {@code toString} of a huge number, which is
 * described by its number of digits instead.
 */
public enum InputProblem {
    UNKNOWN_CELL("input.unknown_cell",
            "模板 %3$s 中没有单元格 %1$s", "Template %3$s has no cell %1$s"),
    WRONG_TYPE("input.wrong_type",
            "%1$s 应填写数字，收到的是%3$s", "%1$s must be a number, not %3$s"),
    NOT_A_NUMBER("input.not_a_number",
            "%1$s 应填写数字，“%2$s”不是数字", "%1$s must be a number; '%2$s' is not one"),
    NEGATIVE("input.negative",
            "%1$s 不能为负数：%2$s", "%1$s cannot be negative: %2$s"),
    FRACTION_IN_COUNT("input.fraction_in_count",
            "%1$s 是整数（%3$s），不能有小数：%2$s", "%1$s is a whole number (%3$s) and cannot have a fraction: %2$s"),
    TOO_MANY_DECIMALS("input.too_many_decimals",
            "%1$s 以万元为单位，最多保留4位小数：%2$s", "%1$s is in 万元 with at most 4 decimals: %2$s"),
    OVERFLOW("input.overflow",
            "%1$s 的数值过大：%2$s", "%1$s is too large: %2$s"),
    WRONG_UNIT("input.wrong_unit",
            "%1$s 的单位是%3$s，不能填写“%2$s”", "%1$s is in %3$s, so it cannot be '%2$s'"),
    AMOUNT_IN_YUAN("input.amount_in_yuan",
            "%1$s 的单位是万元，“%2$s”以元为单位，请换算为 %3$s 万元", "%1$s is in 万元 but '%2$s' is in 元: enter %3$s (万元)"),
    NOT_A_CHANGE("input.not_a_change",
            "%1$s 不是增减数，不能填写“%2$s”", "%1$s is not a change, so it cannot be '%2$s'"),
    DERIVED_OVERFLOW("input.derived_overflow",
            "%1$s 由各分项合计得出，合计值过大", "%1$s is the total of its parts, and that total is too large");

    private final String code;
    private final String zh;
    private final String en;

    InputProblem(String code, String zh, String en) {
        this.code = code;
        this.zh = zh;
        this.en = en;
    }

    /** The stable code, e.g. {@code input.negative}. */
    public String code() {
        return code;
    }

    /** Characters of a given value that a message repeats. */
    static final int ECHO_LENGTH = 20;

    /** @param given the value as given, any type; shown shortened (see the class comment) */
    Finding finding(String cell, Object given, String detail) {
        return Finding.aboutInput(code, cell, new Message(
                String.format(zh, cell, echo(given, true), detail), String.format(en, cell, echo(given, false), detail)));
    }

    private static String echo(Object given, boolean zh) {
        BigInteger unscaled = given instanceof BigInteger big ? big
                : given instanceof BigDecimal decimal ? decimal.unscaledValue()
                : null;
        if (unscaled != null && unscaled.bitLength() > CellValueParser.MAX_UNSCALED_BITS) {
            long digits = (long) ((unscaled.bitLength() - 1) * Math.log10(2)) + 1;
            return zh ? "（至少 " + digits + " 位数字）" : "(at least " + digits + " digits)";
        }
        if (!(given instanceof CharSequence || given instanceof Number)) {
            // Anything else is refused as the wrong type, whose message does not repeat it: never render a list.
            return "";
        }
        CharSequence text = given instanceof CharSequence chars ? chars : String.valueOf(given);
        int length = text.length();
        if (length <= ECHO_LENGTH) {
            return text.toString();
        }
        // Never cut a character outside the BMP in half.
        int cut = Character.isHighSurrogate(text.charAt(ECHO_LENGTH - 1)) ? ECHO_LENGTH - 1 : ECHO_LENGTH;
        return text.subSequence(0, cut) + (zh ? "…（共 " + length + " 个字符）" : "… (" + length + " characters)");
    }
}
