package org.opengovinfo.model.figures;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.opengovinfo.model.rule.SumRule;
import org.opengovinfo.model.rule.Term;
import org.opengovinfo.model.template.Cell;
import org.opengovinfo.model.template.Template;

/**
 * A compact binary form of complete {@link Figures}: what a service keeps so that a year's figures are read back as
 * a few blocks of bytes rather than decoded again from text, cell by cell, for hundreds of thousands of units.
 *
 * <p>Exact: the figures read back are equal to those written, derived totals and cells marked not applicable
 * included, as long as they are read under the same template (callers check that the template has not changed,
 * since the form is by cell index). Per figures: the bit sets (present, derived, not applicable) as variable-length
 * words, then each present cell's value, zigzag variable-length — zeros, most of a department's cells, take a
 * byte.
 */
public final class PackedFigures {

    private PackedFigures() {}

    /** Appends the figures to {@code out}. */
    public static void write(Figures figures, Out out) {
        long[] present = figures.present();
        writeBits(present, out);
        writeBits(figures.derivedBits(), out);
        writeBits(figures.notApplicableBits(), out);
        long[] values = figures.values();
        for (int w = 0; w < present.length; w++) {
            long word = present[w];
            while (word != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(word);
                out.varLong((values[i] << 1) ^ (values[i] >> 63));
                word &= word - 1;
            }
        }
    }

    /**
     * Reads figures written by {@link #write} under the same template.
     *
     * @throws IllegalArgumentException if the bytes cannot be figures of this template
     */
    public static Figures read(Template template, In in) {
        int n = template.cellCount();
        long[] present = readBits(n, in);
        long[] derived = readBits(n, in);
        long[] notApplicable = readBits(n, in);
        long[] values = new long[n];
        for (int w = 0; w < present.length; w++) {
            long word = present[w];
            while (word != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(word);
                long zigzag = in.varLong();
                values[i] = (zigzag >>> 1) ^ -(zigzag & 1);
                word &= word - 1;
            }
        }
        return new Figures(template, values, present, derived, notApplicable);
    }

    /**
     * What the packed form of the template's figures depends on — its cells' order and scales and how its totals are
     * derived — as a 64-bit hash: figures packed under a template with another layout key must not be read.
     */
    public static long layoutKey(Template template) {
        long h = 0xcbf29ce484222325L;
        StringBuilder layout = new StringBuilder(template.id()).append('|');
        for (Cell cell : template.cells()) {
            layout.append(cell.index()).append(':').append(cell.code()).append(':').append(cell.kind().scale()).append(';');
        }
        for (SumRule rule : template.rules().derivations()) {
            layout.append(rule.total().cell()).append('=');
            for (Term part : rule.right()) {
                layout.append(part.cell()).append('+');
            }
            layout.append(';');
        }
        for (int i = 0; i < layout.length(); i++) {
            h = (h ^ layout.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    private static void writeBits(long[] bits, Out out) {
        for (long word : bits) {
            out.varLong(word);
        }
    }

    private static long[] readBits(int cells, In in) {
        long[] bits = Bits.forCells(cells);
        for (int w = 0; w < bits.length; w++) {
            bits[w] = in.varLong();
        }
        int spare = (cells & 63) == 0 ? 0 : 64 - (cells & 63);
        if (spare != 0 && (bits[bits.length - 1] >>> (64 - spare)) != 0) {
            throw new IllegalArgumentException("packed figures mark cells beyond the template's " + cells);
        }
        return bits;
    }

    /** A growable byte buffer with the few encodings the packed form uses. */
    public static final class Out {
        private byte[] bytes;
        private int length;

        public Out(int capacity) {
            bytes = new byte[Math.max(16, capacity)];
        }

        /** Unsigned variable-length: seven bits a byte, low first. */
        public void varLong(long v) {
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                bytes[length++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            bytes[length++] = (byte) v;
        }

        public void varInt(int v) {
            varLong(v & 0xFFFFFFFFL);
        }

        /** Text as its UTF-8 length and bytes. */
        public void string(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            varInt(utf8.length);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, bytes, length, utf8.length);
            length += utf8.length;
        }

        public int length() {
            return length;
        }

        public byte[] toByteArray() {
            return Arrays.copyOf(bytes, length);
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }

    /** Reads what {@link Out} wrote, from a byte array. */
    public static final class In {
        private final byte[] bytes;
        private int position;

        public In(byte[] bytes) {
            this.bytes = bytes;
        }

        public long varLong() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (position >= bytes.length) {
                    throw new IllegalArgumentException("packed figures end early");
                }
                byte b = bytes[position++];
                v |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return v;
                }
            }
            throw new IllegalArgumentException("packed figures hold a number longer than 64 bits");
        }

        public int varInt() {
            long v = varLong();
            if (v > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("packed figures hold " + v + " where a 32-bit number belongs");
            }
            return (int) v;
        }

        public String string() {
            int n = varInt();
            if (n > bytes.length - position) {
                throw new IllegalArgumentException("packed figures end early");
            }
            String s = new String(bytes, position, n, StandardCharsets.UTF_8);
            position += n;
            return s;
        }

        public boolean atEnd() {
            return position == bytes.length;
        }
    }
}
