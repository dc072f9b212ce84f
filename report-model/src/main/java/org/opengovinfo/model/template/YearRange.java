package org.opengovinfo.model.template;

/**
 * The report years a template is in force for, both ends included.
 *
 * @param from first year
 * @param to last year; {@link Integer#MAX_VALUE} while the template is current
 */
public record YearRange(int from, int to) {

    public YearRange {
        if (from > to) {
            throw new IllegalArgumentException("year range " + from + "–" + to + " is empty");
        }
    }

    public boolean contains(int year) {
        return from <= year && year <= to;
    }

    public boolean overlaps(YearRange other) {
        return from <= other.to && other.from <= to;
    }

    @Override
    public String toString() {
        return to == Integer.MAX_VALUE ? from + "–" : from + "–" + to;
    }
}
