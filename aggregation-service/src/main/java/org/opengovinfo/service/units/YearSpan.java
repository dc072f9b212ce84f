package org.opengovinfo.service.units;

/**
 * Report years from {@code from} to {@code to}, both included; {@code to} is {@code null} while open-ended.
 */
public record YearSpan(int from, Integer to) {

    public YearSpan {
        if (to != null && to < from) {
            throw new IllegalArgumentException("year span " + from + "–" + to + " is empty");
        }
    }

    public boolean contains(int year) {
        return from <= year && (to == null || year <= to);
    }

    public boolean covers(YearSpan other) {
        return from <= other.from && (to == null || (other.to != null && other.to <= to));
    }

    /** The last year worth checking: {@code to}, or {@code horizon} for an open-ended span. */
    int lastYear(int horizon) {
        return to == null ? Math.max(from, horizon) : to;
    }

    @Override
    public String toString() {
        return to == null ? from + "–" : from + "–" + to;
    }
}
