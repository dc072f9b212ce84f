package org.opengovinfo.model.published;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables of the two shared published reports, typed in by hand from the report texts
 * ({@code fixtures/linzi-2021.txt}, {@code fixtures/luozhuang-2020.txt}), row by row as printed — not produced by the
 * importer. Each value is as printed ({@code 增加15} stays text); every cell of both reports is filled.
 */
public final class ExpectedTables {

    private ExpectedTables() {}

    private static final List<String> APPLICANTS =
            List.of("natural_person", "business", "research", "nonprofit", "legal_service", "other_org", "total");
    private static final List<String> OUTCOMES = List.of("upheld", "corrected", "other", "pending", "total");

    /** 临淄区 2021 (2021 format). */
    public static Map<String, String> linzi2021() {
        Map<String, String> t = new LinkedHashMap<>();
        row(t, "s2_1.regulations", List.of("issued", "repealed", "in_force"), "0 0 0");
        row(t, "s2_1.normative_documents", List.of("issued", "repealed", "in_force"), "8 25 22");
        row(t, "s2_5.licensing", List.of("decisions"), "32499");
        row(t, "s2_6.penalty", List.of("decisions"), "2695");
        row(t, "s2_6.enforcement", List.of("decisions"), "265");
        row(t, "s2_8.fees", List.of("amount"), "299.7935");
        row(t, "s3.new", APPLICANTS, "148 1 0 0 2 0 151");
        row(t, "s3.carried_over", APPLICANTS, "4 1 0 0 0 0 5");
        row(t, "s3.granted", APPLICANTS, "22 0 0 0 0 0 22");
        row(t, "s3.partly_granted", APPLICANTS, "0 0 0 0 0 0 0");
        row(t, "s3.withheld_state_secret", APPLICANTS, "1 0 0 0 0 0 1");
        row(t, "s3.withheld_prohibited_by_law", APPLICANTS, "0 0 0 0 0 0 0");
        row(t, "s3.withheld_security_stability", APPLICANTS, "0 0 0 0 0 0 0");
        row(t, "s3.withheld_third_party", APPLICANTS, "0 1 0 0 2 0 3");
        row(t, "s3.withheld_internal_affairs", APPLICANTS, "2 0 0 0 0 0 2");
        row(t, "s3.withheld_process_info", APPLICANTS, "0 0 0 0 0 0 0");
        row(t, "s3.withheld_enforcement_file", APPLICANTS, "54 0 0 0 0 0 54");
        row(t, "s3.withheld_inquiry", APPLICANTS, "3 0 0 0 0 0 3");
        row(t, "s3.unavailable_not_held", APPLICANTS, "68 1 0 0 0 0 69");
        row(t, "s3.unavailable_needs_creation", APPLICANTS, "0 0 0 0 0 0 0");
        row(t, "s3.unavailable_unclear", APPLICANTS, "0 0 0 0 0 0 0");
        row(t, "s3.not_processed_petition", APPLICANTS, "0 0 0 0 0 0 0");
        row(t, "s3.not_processed_repeat", APPLICANTS, "0 0 0 0 0 0 0");
        row(t, "s3.not_processed_publication", APPLICANTS, "0 0 0 0 0 0 0");
        row(t, "s3.not_processed_excessive", APPLICANTS, "0 0 0 0 0 0 0");
        row(t, "s3.not_processed_confirmation", APPLICANTS, "0 0 0 0 0 0 0");
        row(t, "s3.other_no_correction", APPLICANTS, "0 0 0 0 0 0 0");
        row(t, "s3.other_no_fee", APPLICANTS, "0 0 0 0 0 0 0");
        row(t, "s3.other_other", APPLICANTS, "0 0 0 0 0 0 0");
        row(t, "s3.results_total", APPLICANTS, "150 2 0 0 2 0 154");
        row(t, "s3.carried_forward", APPLICANTS, "2 0 0 0 0 0 2");
        row(t, "s4.reconsideration", OUTCOMES, "1 1 0 2 4");
        row(t, "s4.litigation_direct", OUTCOMES, "4 0 0 0 4");
        row(t, "s4.litigation_after_reconsideration", OUTCOMES, "0 0 0 0 0");
        return t;
    }

    /** 罗庄区 2020 (2019 format). */
    public static Map<String, String> luozhuang2020() {
        Map<String, String> t = new LinkedHashMap<>();
        List<String> items = List.of("previous_items", "change", "decisions");
        row(t, "s2_1.regulations", List.of("produced", "published", "public_total"), "0 0 0");
        row(t, "s2_1.normative_documents", List.of("produced", "published", "public_total"), "5 5 18");
        row(t, "s2_5.licensing", items, "192 增加15 20301");
        row(t, "s2_5.other_services", items, "1141 减少16 31220");
        row(t, "s2_6.penalty", items, "2391 减少135 1413");
        row(t, "s2_6.enforcement", items, "92 减少10 465");
        row(t, "s2_8.fees", List.of("previous_items", "change"), "21 增加8项");
        row(t, "s2_9.central_procurement", List.of("projects", "amount"), "998 63800万元");
        row(t, "s3.new", APPLICANTS, "76 3 0 0 0 0 79");
        row(t, "s3.carried_over", APPLICANTS, "0 1 0 0 0 0 1");
        row(t, "s3.granted", APPLICANTS, "33 0 0 0 0 0 33");
        row(t, "s3.partly_granted", APPLICANTS, "10 0 0 0 0 0 10");
        row(t, "s3.withheld_state_secret", APPLICANTS, "0 0 0 0 0 0 0");
        row(t, "s3.withheld_prohibited_by_law", APPLICANTS, "0 0 0 0 0 0 0");
        row(t, "s3.withheld_security_stability", APPLICANTS, "0 0 0 0 0 0 0");
        row(t, "s3.withheld_third_party", APPLICANTS, "0 0 0 0 0 0 0");
        row(t, "s3.withheld_internal_affairs", APPLICANTS, "5 0 0 0 0 0 5");
        row(t, "s3.withheld_process_info", APPLICANTS, "0 1 0 0 0 0 1");
        row(t, "s3.withheld_enforcement_file", APPLICANTS, "0 0 0 0 0 0 0");
        row(t, "s3.withheld_inquiry", APPLICANTS, "0 0 0 0 0 0 0");
        row(t, "s3.unavailable_not_held", APPLICANTS, "28 1 0 0 0 0 29");
        row(t, "s3.unavailable_needs_creation", APPLICANTS, "0 0 0 0 0 0 0");
        row(t, "s3.unavailable_unclear", APPLICANTS, "0 0 0 0 0 0 0");
        row(t, "s3.not_processed_petition", APPLICANTS, "0 0 0 0 0 0 0");
        row(t, "s3.not_processed_repeat", APPLICANTS, "0 1 0 0 0 0 1");
        row(t, "s3.not_processed_publication", APPLICANTS, "0 0 0 0 0 0 0");
        row(t, "s3.not_processed_excessive", APPLICANTS, "0 0 0 0 0 0 0");
        row(t, "s3.not_processed_confirmation", APPLICANTS, "0 0 0 0 0 0 0");
        row(t, "s3.other", APPLICANTS, "0 0 0 0 0 0 0");
        row(t, "s3.results_total", APPLICANTS, "76 3 0 0 0 0 79");
        row(t, "s3.carried_forward", APPLICANTS, "0 1 0 0 0 0 1");
        row(t, "s4.reconsideration", OUTCOMES, "6 7 0 0 13");
        row(t, "s4.litigation_direct", OUTCOMES, "1 0 0 0 1");
        row(t, "s4.litigation_after_reconsideration", OUTCOMES, "4 0 0 0 4");
        return t;
    }

    private static void row(Map<String, String> t, String row, List<String> columns, String printed) {
        String[] values = printed.split(" ");
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(row + ": " + values.length + " values for " + columns.size() + " columns");
        }
        for (int i = 0; i < values.length; i++) {
            t.put(row + "." + columns.get(i), values[i]);
        }
    }

    /** Imported figures as the strings above: numbers plainly, text as it is. */
    public static Map<String, String> asPrinted(Map<String, Object> figures) {
        Map<String, String> out = new LinkedHashMap<>();
        figures.forEach((k, v) -> out.put(k, v instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(v)));
        return out;
    }
}
