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
 * ({@code null}, empty text, {@code -}, {@code —}, {@code /}) give a blank cell, never a zero; {@code 不适用},
 * {@code N/A}, {@code NA} and {@code --} a cell marked not applicable. ({@code 无} stays a question: zero or
 * nothing?)
 *
 * <p>Parsing a number into {@link BigDecimal} takes time quadratic in its digits, so a value longer than any figure
 * can be is refused in linear time before it is parsed: text longer than {@value #MAX_TEXT_LENGTH} characters
 * after trimming ({@code input.overflow} if it is all digits, else {@code input.not_a_number}), and a
 * {@link BigInteger} or {@link BigDecimal} whose unscaled value has more than {@value #MAX_UNSCALED_BITS} bits
 * (about 77 digits), judged by its bit length and scale alone ({@code input.overflow} if its integer part alone
 * has more than 19 digits, else {@code input.too_many_decimals} or {@code input.fraction_in_count}).
 */
final class CellValueParser {

    /** The outcome for one value: blank, not applicable (blank, and said so), a scaled value, or a problem. */
    record Parsed(boolean blank, boolean notApplicable, long value, InputProblem problem, String detail) {

        static final Parsed BLANK = new Parsed(true, false, 0, null, null);
        static final Parsed NOT_APPLICABLE = new Parsed(true, true, 0, null, null);

        static Parsed value(long value) {
            return new Parsed(false, false, value, null, null);
        }

        static Parsed problem(InputProblem problem, String detail) {
            return new Parsed(false, false, 0, problem, detail);
        }
    }

    /**
     * The longest text, after trimming, that is read as a number: a count has at most 19 digits and an amount at
     * most 15 + 4, so 64 leaves room for grouping commas, a sign word and a unit ({@code 9,223,372,036,854,775,807 件}
     * is 27 characters).
     */
    static final int MAX_TEXT_LENGTH = 64;
    /**
     * The most bits of an unscaled value that is looked at digit by digit (stripping zeros, counting digits): 77
     * digits, more than any figure needs even written with trailing zeros, and cheap to handle.
     */
    static final int MAX_UNSCALED_BITS = 256;
    /** Every figure fits a {@code long}, which has 19 digits. */
    private static final int MAX_INTEGER_DIGITS = 19;
    private static final double LOG10_2 = Math.log10(2);

    private static final Set<String> BLANK_FORMS = Set.of("", "-", "—", "——", "/", "\\");
    /**
     * How printed tables say "not applicable" (不适用): a cell that holds no value, like a blank one, but the unit
     * said so. Compared ignoring case after full-width forms are made half-width ({@code Ｎ／Ａ} is {@code N/A}).
     */
    private static final Set<String> NOT_APPLICABLE_FORMS = Set.of("不适用", "n/a", "na", "--");
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
            return fromText(text, cell);
        }
        return Parsed.problem(InputProblem.WRONG_TYPE, typeName(raw));
    }

    /** Reads the text only through {@code charAt} until it is known to be short, so a huge one is never copied. */
    private static Parsed fromText(CharSequence raw, Cell cell) {
        int start = 0;
        int end = raw.length();
        while (start < end && Character.isWhitespace(raw.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(raw.charAt(end - 1))) {
            end--;
        }
        if (end - start > MAX_TEXT_LENGTH) {
            return tooLong(raw, start, end);
        }
        String text = normalizeWidth(raw.subSequence(start, end).toString());
        if (BLANK_FORMS.contains(text)) {
            return Parsed.BLANK;
        }
        if (NOT_APPLICABLE_FORMS.contains(text.toLowerCase(java.util.Locale.ROOT))) {
            return Parsed.NOT_APPLICABLE;
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
        // A unit word says what was counted: 1108 次 in a 人次 cell, or 件 in a 条 cell, is most likely another
        // indicator's figure typed into the wrong row, so it must be the cell's own unit.
        return unit.equals(cell.unit()) ? null : Parsed.problem(InputProblem.WRONG_UNIT, cell.unit());
    }

    private static Parsed fromDecimal(BigDecimal value, Cell cell) {
        ValueKind kind = cell.kind();
        if (value.signum() < 0 && !kind.isSigned()) {
            return Parsed.problem(InputProblem.NEGATIVE, null);
        }
        int bits = value.unscaledValue().bitLength();
        if (bits > MAX_UNSCALED_BITS) {
            // At least this many digits, from the bit length alone: counting them exactly would cost a power of ten.
            long digits = (long) ((bits - 1) * LOG10_2) + 1;
            return digits - value.scale() > MAX_INTEGER_DIGITS ? Parsed.problem(InputProblem.OVERFLOW, null) : fraction(cell);
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > kind.scale()) {
            return fraction(cell);
        }
        // In long: a scale near Integer.MIN_VALUE (1E+2147483647) would wrap an int difference.
        if ((long) stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS) {
            return Parsed.problem(InputProblem.OVERFLOW, null);
        }
        try {
            return Parsed.value(stripped.movePointRight(kind.scale()).longValueExact());
        } catch (ArithmeticException e) {
            return Parsed.problem(InputProblem.OVERFLOW, null);
        }
    }

    /** Too long to be a figure: all digits is a number too large, anything else is no number at all. */
    private static Parsed tooLong(CharSequence text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= '０' && c <= '９')) {
                return Parsed.problem(InputProblem.NOT_A_NUMBER, null);
            }
        }
        return Parsed.problem(InputProblem.OVERFLOW, null);
    }

    private static Parsed fraction(Cell cell) {
        return cell.kind() == ValueKind.AMOUNT
                ? Parsed.problem(InputProblem.TOO_MANY_DECIMALS, null)
                : Parsed.problem(InputProblem.FRACTION_IN_COUNT, cell.unit());
    }

    /** Full-width digits, signs and points (as typed with a Chinese input method) become their ASCII forms. */
    private static String normalizeWidth(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '０' && c <= '９' || c >= 'Ａ' && c <= 'Ｚ' || c >= 'ａ' && c <= 'ｚ' || c == '＋' || c == '－' || c == '．'
                    || c == '，' || c == '／') {
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
