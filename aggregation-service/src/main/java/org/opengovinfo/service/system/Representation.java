package org.opengovinfo.service.system;

import io.micronaut.http.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The forms an endpoint can answer in, chosen by {@code ?format=} or, without it, by the {@code Accept} header: a
 * script asks with either, and gets the same bytes. {@code ?format=} wins because a link in a browser or a
 * spreadsheet cannot set a header.
 */
public enum Representation {

    JSON("json", MediaType.APPLICATION_JSON_TYPE),
    CSV("csv", MediaType.of("text/csv; charset=UTF-8")),
    /** SDMX-CSV 1.0 (SDMX 2.1 technical notes): the statistics offices' exchange format. */
    SDMX("sdmx", MediaType.of("application/vnd.sdmx.data+csv; version=1.0.0; charset=UTF-8")),
    /** The report in the official layout, printable. */
    HTML("html", MediaType.of("text/html; charset=UTF-8")),
    /** The report or the form as an Excel workbook. */
    XLSX("xlsx", MediaType.of(Representation.XLSX_TYPE)),
    /** Plain text for people (the report's standard text). */
    TEXT("text", MediaType.of("text/plain; charset=UTF-8"));

    /** What the {@code produces} of an endpoint offering JSON and CSV lists, so that routing lets Accept through. */
    public static final String CSV_TYPE = "text/csv";
    public static final String SDMX_TYPE = "application/vnd.sdmx.data+csv";
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String TEXT_TYPE = "text/plain";

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
        // Micronaut reads the ranges (one it cannot read is left out) but orders specific types before wildcards;
        // the quality decides first here, so that "application/json;q=0.2, text/*;q=0.8" gets CSV
        List<MediaType> wanted = new ArrayList<>(MediaType.orderedOf(accept));
        wanted.sort(Comparator.comparing(MediaType::getQualityAsNumber, Comparator.reverseOrder()));
        for (MediaType w : wanted) {
            if (w.getQualityAsNumber().signum() == 0) {
                continue;
            }
            for (Representation r : offered) {
                if (w.matches(r.type) && !refused(wanted, r.type)) {
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

    /** Whether the header names this very type with quality 0: "anything but this". */
    private static boolean refused(List<MediaType> wanted, MediaType type) {
        return wanted.stream().anyMatch(w -> w.getQualityAsNumber().signum() == 0
                && w.getType().equals(type.getType()) && w.getSubtype().equals(type.getSubtype()));
    }
}
