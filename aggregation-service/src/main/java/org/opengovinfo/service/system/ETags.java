package org.opengovinfo.service.system;

/**
 * Conditional requests as RFC 9110 defines them: {@code If-Match} and {@code If-None-Match} hold {@code *} or a
 * comma-separated list of entity tags; {@code If-Match} compares strongly (a weak tag never matches), {@code
 * If-None-Match} weakly.
 */
public final class ETags {

    private ETags() {}

    /** Whether an {@code If-Match} header lets a write to a resource with {@code current} (null: none yet) proceed. */
    public static boolean ifMatchAllows(String header, String current) {
        if (header == null) {
            return true;
        }
        if (header.strip().equals("*")) {
            return current != null;
        }
        for (String tag : header.split(",")) {
            String t = tag.strip();
            if (current != null && !t.startsWith("W/") && t.equals(current)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an {@code If-None-Match} header names {@code current}, so that a read may answer 304. */
    public static boolean ifNoneMatchHolds(String header, String current) {
        if (header == null || current == null) {
            return false;
        }
        if (header.strip().equals("*")) {
            return true;
        }
        String opaque = opaque(current);
        for (String tag : header.split(",")) {
            if (opaque(tag.strip()).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
