package org.opengovinfo.model.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengovinfo.model.rule.Finding;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;

/**
 * A figure given as a huge number is refused in linear time, before anything parses it (parsing digits into
 * {@link BigDecimal} is quadratic: 100,000 digits took seconds), and the message never repeats it in full.
 *
 * <p>No test here measures time. The text test hands the parser a ten-million-character {@link CharSequence} that
 * counts its reads and cannot be copied; the number tests hand it a {@link BigDecimal} and a {@link BigInteger}
 * whose digits cannot be asked for. Either would fail, not merely slow down, if a huge value were ever parsed.
 */
class LongNumbersTest {

    private static final Template T2021 = Templates.bundled().byId("2021").orElseThrow();
    private static final String COUNT = "s3.new.natural_person";
    private static final String AMOUNT = "s2_8.fees.amount";
    /** 10^100000 − 1: one hundred thousand nines. */
    private static final BigInteger HUNDRED_THOUSAND_NINES = BigInteger.TEN.pow(100_000).subtract(BigInteger.ONE);

    private static Finding problem(String code, Object value) {
        List<Finding> problems = Figures.decode(T2021, Map.of(code, value)).problems();
        assertEquals(1, problems.size(), problems::toString);
        return problems.get(0);
    }

    private static BigDecimal decoded(String code, Object value) {
        return Figures.of(T2021, Map.of(code, value)).value(code).orElseThrow();
    }

    @Test
    void aHundredThousandDigitTextIsAnOverflowEchoedByItsFirstTwentyDigitsAndItsLength() {
        Finding p = problem(COUNT, "9".repeat(100_000));

        assertEquals("input.overflow", p.rule());
        assertEquals("s3.new.natural_person is too large: 99999999999999999999… (100000 characters)", p.message().en());
        assertEquals("s3.new.natural_person 的数值过大：99999999999999999999…（共 100000 个字符）", p.message().zh());
    }

    @Test
    void aTenMillionDigitTextIsReadOnceAndNeverCopiedLetAloneParsed() {
        ReadCountingDigits digits = new ReadCountingDigits(10_000_000);

        Finding p = problem(COUNT, digits);

        assertEquals("input.overflow", p.rule());
        // Every character once, and a few twice: the ends while trimming, the cut while echoing in two languages.
        assertTrue(digits.reads <= digits.length() + 8L, "reads: " + digits.reads);
        assertTrue(p.message().en().endsWith("… (10000000 characters)"), p.message().en());
    }

    @Test
    void aLongTextThatIsNotAllDigitsIsNotANumberWhateverItEndsWith() {
        assertEquals("input.not_a_number", problem(COUNT, "1".repeat(70) + "件").rule());
        assertEquals("input.not_a_number", problem(COUNT, "-" + "1".repeat(70)).rule());
        assertEquals("input.not_a_number", problem(COUNT, "x".repeat(100_000)).rule());
        assertEquals("input.overflow", problem(COUNT, "９".repeat(70)).rule(), "full-width digits are digits");
        assertEquals("input.overflow", problem(COUNT, "０".repeat(70)).rule());
        assertEquals("input.not_a_number", problem(COUNT, "\uFF0F".repeat(70)).rule(), "／ is just below ０");
        assertEquals("input.not_a_number", problem(COUNT, "\uFF1A".repeat(70)).rule(), "： is just above ９");
    }

    @Test
    void sixtyFourCharactersAfterTrimmingAreStillReadAndSixtyFiveAreNot() {
        String sixtyFour = "0".repeat(63) + "7";

        assertEquals(new BigDecimal("7"), decoded(COUNT, " \u3000" + sixtyFour + "\t "));
        assertEquals("input.overflow", problem(COUNT, "0" + sixtyFour).rule());
    }

    @Test
    void aHundredThousandDigitIntegerNumberIsAnOverflowDescribedByItsDigits() {
        Finding p = problem(COUNT, new UnprintableInteger(HUNDRED_THOUSAND_NINES));

        assertEquals("input.overflow", p.rule());
        assertEquals("s3.new.natural_person is too large: (at least 100000 digits)", p.message().en());
        assertEquals("s3.new.natural_person 的数值过大：（至少 100000 位数字）", p.message().zh());
    }

    @Test
    void aHundredThousandDigitDecimalIsJudgedByItsLengthAndScaleAlone() {
        assertEquals("input.overflow", problem(AMOUNT, new UndigitableDecimal(HUNDRED_THOUSAND_NINES, 0)).rule());
        assertEquals("input.overflow", problem(AMOUNT, new UndigitableDecimal(HUNDRED_THOUSAND_NINES, 99_980)).rule(),
                "20 integer digits");
        assertEquals("input.too_many_decimals", problem(AMOUNT, new UndigitableDecimal(HUNDRED_THOUSAND_NINES, 99_981)).rule(),
                "19 integer digits and 99,981 decimals");
        assertEquals("input.fraction_in_count", problem(COUNT, new UndigitableDecimal(HUNDRED_THOUSAND_NINES, 100_000)).rule());
    }

    @Test
    void realHundredThousandDigitNumbersGetTheSameCodesAndBoundedMessages() {
        List<Finding> problems = Figures.decode(T2021, Map.of(
                COUNT, HUNDRED_THOUSAND_NINES,
                "s3.new.business", new BigDecimal(HUNDRED_THOUSAND_NINES, 100_000),
                AMOUNT, new BigDecimal(HUNDRED_THOUSAND_NINES, -5))).problems();

        assertEquals(List.of("input.fraction_in_count", "input.overflow", "input.overflow"),
                problems.stream().map(Finding::rule).sorted().toList());
        for (Finding p : problems) {
            assertTrue(p.message().en().length() < 120, p.message().en());
            assertTrue(p.message().zh().length() < 120, p.message().zh());
        }
    }

    @Test
    void aNumberJustWithinTheLengthBoundIsStillLookedAtClosely() {
        // 10^76 has 253 bits: within the bound, so its trailing zeros are stripped and 1.000… is a count of 1.
        assertEquals(new BigDecimal("1"), decoded(COUNT, new BigDecimal(BigInteger.TEN.pow(76), 76)));
        // 10^77 has 256 bits, still within; 10^78 has 260 and is judged by length: 78 decimals are too many.
        assertEquals(new BigDecimal("1"), decoded(COUNT, new BigDecimal(BigInteger.TEN.pow(77), 77)));
        assertEquals("input.fraction_in_count", problem(COUNT, new BigDecimal(BigInteger.TEN.pow(78), 78)).rule());
    }

    @Test
    void aNumberOfTwoHundredFiftySixBitsIsStillEchoedByItsDigits() {
        BigInteger twoTo255 = BigInteger.ONE.shiftLeft(255);
        assertEquals(256, twoTo255.bitLength());

        assertEquals("s3.new.natural_person is too large: 57896044618658097711… (77 characters)",
                problem(COUNT, twoTo255).message().en());
        assertEquals("s3.new.natural_person is too large: (at least 78 digits)",
                problem(COUNT, twoTo255.shiftLeft(1)).message().en());
    }

    @Test
    void aScaleFarBeyondAnIntsRangeOfDigitsIsAnOverflowNotAWrap() {
        assertEquals("input.overflow", problem(COUNT, new BigDecimal(BigInteger.ONE, Integer.MIN_VALUE)).rule());
        assertEquals("input.too_many_decimals", problem(AMOUNT, new BigDecimal(BigInteger.ONE, Integer.MAX_VALUE)).rule());
        assertEquals("input.overflow", problem(COUNT, new BigDecimal("1E+20")).rule());
        assertEquals(new BigDecimal("1000000000000000000"), decoded(COUNT, new BigDecimal("1E+18")));
    }

    @Test
    void aValueUpToTwentyCharactersIsEchoedWholeAndALongerOneIsCut() {
        assertEquals("s3.new.natural_person cannot be negative: -1234567890123456789",
                problem(COUNT, "-1234567890123456789").message().en());
        assertEquals("s3.new.natural_person must be a number; '12345678901234567890… (21 characters)' is not one",
                problem(COUNT, "12345678901234567890x").message().en());
        // A character outside the BMP at the cut is left out whole rather than halved.
        String withSupplementary = "1".repeat(19) + "\uD840\uDC00" + "1";
        assertEquals("s3.new.natural_person must be a number; '1111111111111111111… (22 characters)' is not one",
                problem(COUNT, withSupplementary).message().en());
    }

    /** Digits without end, counting reads; copying it whole fails the test. */
    private static final class ReadCountingDigits implements CharSequence {
        private final int length;
        long reads;

        ReadCountingDigits(int length) {
            this.length = length;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            reads++;
            return '7';
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            if (end - start > InputProblem.ECHO_LENGTH) {
                throw new AssertionError("copied " + (end - start) + " characters of a huge text");
            }
            return "7".repeat(end - start);
        }

        @Override
        public String toString() {
            throw new AssertionError("copied a huge text whole");
        }
    }

    /** A huge integer whose decimal digits cannot be asked for. */
    private static final class UnprintableInteger extends BigInteger {
        UnprintableInteger(BigInteger value) {
            super(value.toByteArray());
        }

        @Override
        public String toString() {
            throw new AssertionError("printed a huge integer");
        }
    }

    /** A huge decimal whose digits cannot be looked at: only its sign, unscaled value and scale may be read. */
    private static final class UndigitableDecimal extends BigDecimal {
        UndigitableDecimal(BigInteger unscaled, int scale) {
            super(new UnprintableInteger(unscaled), scale);
        }

        @Override
        public BigDecimal stripTrailingZeros() {
            throw new AssertionError("stripped the zeros of a huge decimal");
        }

        @Override
        public int precision() {
            throw new AssertionError("counted the digits of a huge decimal");
        }

        @Override
        public String toString() {
            throw new AssertionError("printed a huge decimal");
        }

        @Override
        public String toPlainString() {
            throw new AssertionError("printed a huge decimal");
        }
    }
}
