package org.opengovinfo.service.system;

import io.micronaut.http.MediaType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The forms an endpoint can answer in, chosen by {@code ?format=} or, without it, by the {@code Accept} header: a
 * script asks with either, and gets the same bytes. {@code ?format=} wins because a link in a browser or a
 * spreadsheet cannot set a header.
 */
public enum Representation {

    JSON("json", MediaType.APPLICATION_JSON_TYPE),
    CSV("csv", MediaType.of("text/csv; charset=UTF-8")),
    /** SDMX-CSV 1.0 (SDMX 2.1 technical notes): the statistics offices' exchange format. */
    SDMX("sdmx", MediaType.of("application/vnd.sdmx.data+csv; version=1.0.0; charset=UTF-8"));

    /** What the {@code produces} of an endpoint offering JSON and CSV lists, so that routing lets Accept through. */
    public static final String CSV_TYPE = "text/csv";
    public static final String SDMX_TYPE = "application/vnd.sdmx.data+csv";

    private final String code;
    private final MediaType type;

    Representation(String code, MediaType type) {
        this.code = code;
        this.type = type;
    }

    /** The name {@code ?format=} gives it. */
    public String code() {
        return code;
    }

    /** The Content-Type it is answered with. */
    public MediaType type() {
        return type;
    }

    /**
     * The representation to answer in: {@code format} if given (one of {@code offered}, else 400
     * {@code request.unknown_format}); else the first of {@code offered} that {@code accept} takes, by quality and
     * then by the order offered (none: 406 {@code request.not_acceptable}); no Accept at all takes the first offered.
     */
    public static Representation choose(String format, String accept, Representation... offered) {
        if (format != null) {
            for (Representation r : offered) {
                if (r.code.equals(format)) {
                    return r;
                }
            }
            throw ErrorCode.REQUEST_UNKNOWN_FORMAT.problem(codes(offered));
        }
        if (accept == null || accept.isBlank()) {
            return offered[0];
        }
        List<Wanted> wanted = new ArrayList<>();
        for (String part : accept.split(",")) {
            if (!part.isBlank()) {
                wanted.add(Wanted.of(part.strip()));
            }
        }
        wanted.sort(Comparator.comparing(Wanted::quality, Comparator.reverseOrder()));
        for (Wanted w : wanted) {
            if (w.quality().signum() == 0) {
                continue;
            }
            for (Representation r : offered) {
                if (w.takes(r.type) && wanted.stream().noneMatch(x -> x.quality().signum() == 0 && x.exactly(r.type))) {
                    return r;
                }
            }
        }
        throw ErrorCode.REQUEST_NOT_ACCEPTABLE.problem();
    }

    private static String codes(Representation... offered) {
        List<String> codes = new ArrayList<>();
        for (Representation r : offered) {
            codes.add(r.code);
        }
        return String.join(", ", codes);
    }

    /** One media range of an Accept header with its quality (1 when not given; an unreadable one counts as 0). */
    private record Wanted(String type, String subtype, BigDecimal quality) {

        static Wanted of(String range) {
            String[] params = range.split(";");
            String[] name = params[0].strip().toLowerCase(Locale.ROOT).split("/", 2);
            BigDecimal q = BigDecimal.ONE;
            for (int i = 1; i < params.length; i++) {
                String[] kv = params[i].strip().split("=", 2);
                if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("q")) {
                    q = quality(kv[1].strip());
                }
            }
            return new Wanted(name[0], name.length == 2 ? name[1] : "", q);
        }

        private static BigDecimal quality(String text) {
            if (!text.matches("0(\\.\\d{0,3})?|1(\\.0{0,3})?")) {
                return BigDecimal.ZERO;
            }
            return new BigDecimal(text);
        }

        boolean takes(MediaType t) {
            return (type.equals("*") || type.equals(t.getType()))
                    && (subtype.equals("*") || subtype.equals(t.getSubtype()));
        }

        boolean exactly(MediaType t) {
            return type.equals(t.getType()) && subtype.equals(t.getSubtype());
        }
    }
}
