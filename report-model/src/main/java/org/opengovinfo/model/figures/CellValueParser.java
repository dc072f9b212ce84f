package org.opengovinfo.model.figures;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opengovinfo.model.template.Cell;
import org.opengovinfo.model.template.ValueKind;

/**
 * Turns one input value into a cell's scaled {@code long}: JSON numbers, and text in the forms that published
 * reports use — {@code +2}, {@code -14}, {@code 增加15}, {@code 减少135}, {@code 增 2726}, {@code 减 670},
 * {@code 增加8项}, {@code 913689.9 万元}, {@code 9194 个}, {@code 1,234}, full-width digits. Blank forms
 * ({@code null}, empty text, {@code -}, {@code —}, {@code /}) give a blank cell, never a zero.
 */
final class CellValueParser {

    /** The outcome for one value: blank, a scaled value, or a problem. */
    record Parsed(boolean blank, long value, InputProblem problem, String detail) {

        static final Parsed BLANK = new Parsed(true, 0, null, null);

        static Parsed value(long value) {
            return new Parsed(false, value, null, null);
        }

        static Parsed problem(InputProblem problem, String detail) {
            return new Parsed(false, 0, problem, detail);
        }
    }

    private static final Set<String> BLANK_FORMS = Set.of("", "-", "—", "——", "/", "\\");
    private static final Set<String> COUNT_UNITS = Set.of("件", "条", "个", "项", "次", "篇", "期", "份", "人", "人次", "家");
    private static final Pattern TEXT = Pattern.compile(
            "(?<sign>增加|减少|增|减|\\+|-)?\\s*(?<number>\\d[\\d,]*(?:\\.\\d+)?)\\s*(?<unit>万元|元|人次|[件条个项次篇期份人家])?");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    private CellValueParser() {}

    static Parsed parse(Object raw, Cell cell) {
        if (raw == null) {
            return Parsed.BLANK;
        }
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            return fromDecimal(BigDecimal.valueOf(((Number) raw).longValue()), cell);
        }
        if (raw instanceof BigInteger big) {
            return fromDecimal(new BigDecimal(big), cell);
        }
        if (raw instanceof BigDecimal decimal) {
            return fromDecimal(decimal, cell);
        }
        if (raw instanceof Double || raw instanceof Float) {
            double d = ((Number) raw).doubleValue();
            if (!Double.isFinite(d)) {
                return Parsed.problem(InputProblem.NOT_A_NUMBER, null);
            }
            return fromDecimal(new BigDecimal(Double.toString(d)), cell);
        }
        if (raw instanceof CharSequence text) {
            return fromText(text.toString(), cell);
        }
        return Parsed.problem(InputProblem.WRONG_TYPE, typeName(raw));
    }

    private static Parsed fromText(String raw, Cell cell) {
        String text = normalizeWidth(raw).strip();
        if (BLANK_FORMS.contains(text)) {
            return Parsed.BLANK;
        }
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            return Parsed.problem(InputProblem.NOT_A_NUMBER, null);
        }
        String number = m.group("number");
        if (number.contains(",")) {
            if (!GROUPED.matcher(number).matches()) {
                return Parsed.problem(InputProblem.NOT_A_NUMBER, null);
            }
            number = number.replace(",", "");
        }
        BigDecimal value = new BigDecimal(number);
        String sign = m.group("sign") == null ? "" : m.group("sign");
        boolean changeWord = sign.startsWith("增") || sign.startsWith("减");
        if (changeWord && !cell.kind().isSigned()) {
            return Parsed.problem(InputProblem.NOT_A_CHANGE, null);
        }
        if (sign.equals("-") || sign.startsWith("减")) {
            value = value.negate();
        }
        String unit = m.group("unit");
        if (unit != null) {
            Parsed unitProblem = checkUnit(unit, value, cell);
            if (unitProblem != null) {
                return unitProblem;
            }
        }
        return fromDecimal(value, cell);
    }

    private static Parsed checkUnit(String unit, BigDecimal value, Cell cell) {
        if (cell.kind() == ValueKind.AMOUNT) {
            if (unit.equals("元")) {
                return Parsed.problem(InputProblem.AMOUNT_IN_YUAN, value.movePointLeft(4).stripTrailingZeros().toPlainString());
            }
            return unit.equals("万元") ? null : Parsed.problem(InputProblem.WRONG_UNIT, cell.unit());
        }
        return COUNT_UNITS.contains(unit) ? null : Parsed.problem(InputProblem.WRONG_UNIT, cell.unit());
    }

    private static Parsed fromDecimal(BigDecimal value, Cell cell) {
        ValueKind kind = cell.kind();
        if (value.signum() < 0 && !kind.isSigned()) {
            return Parsed.problem(InputProblem.NEGATIVE, null);
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > kind.scale()) {
            return kind == ValueKind.AMOUNT
                    ? Parsed.problem(InputProblem.TOO_MANY_DECIMALS, null)
                    : Parsed.problem(InputProblem.FRACTION_IN_COUNT, cell.unit());
        }
        if (stripped.precision() - stripped.scale() > 19) {
            return Parsed.problem(InputProblem.OVERFLOW, null);
        }
        try {
            return Parsed.value(stripped.movePointRight(kind.scale()).longValueExact());
        } catch (ArithmeticException e) {
            return Parsed.problem(InputProblem.OVERFLOW, null);
        }
    }

    /** Full-width digits, signs and points (as typed with a Chinese input method) become their ASCII forms. */
    private static String normalizeWidth(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '０' && c <= '９' || c == '＋' || c == '－' || c == '．' || c == '，' || c == '／') {
                c = (char) (c - 0xFEE0);
            } else if (c == '\u3000') {
                c = ' ';
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String typeName(Object raw) {
        if (raw instanceof Boolean) {
            return "true/false";
        }
        if (raw instanceof Map) {
            return "an object";
        }
        if (raw instanceof Collection || raw.getClass().isArray()) {
            return "a list";
        }
        return raw.getClass().getSimpleName();
    }
}
