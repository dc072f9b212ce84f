package org.opengovinfo.service.rollups;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import io.micronaut.core.annotation.Nullable;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.opengovinfo.model.consolidation.DeclaredAndComputed;
import org.opengovinfo.service.system.FindingView;
import org.opengovinfo.service.system.Json;

/**
 * The JSON a snapshot is stored as, and the one place that writes and reads it: a header document per snapshot, a
 * part per consolidating unit, and the tree; headers and parts are stored deflated ({@link #pack}). Stored once and
 * never rewritten, so every field an older snapshot may hold is read here too (marked "older snapshots").
 */
final class SnapshotCodec {

    private SnapshotCodec() {}

    /**
     * A snapshot's header document: its provenance and completeness, without the units' parts.
     *
     * @param hierarchyYear the year whose unit tree was consolidated (the report year)
     * @param figuresRevision the revision of the year's figures read: the versions used are derived from it
     * @param treeId the stored tree (unit → parent), shared by every snapshot of the same tree
     * @param notAccepted older snapshots: the state of every report that was not accepted (the others were), by unit
     * @param notAcceptedInTree the state of every report, as runs over the stored tree's order: accepted ones as
     *     runs of no state
     * @param excluded units whose figures the basis left out
     * @param versionsOverride units whose accepted version was taken instead of the current one
     * @param units older snapshots: the parts, inside the header
     * @param tree older snapshots: the tree, inside the header
     * @param versions older snapshots: the versions used, inside the header
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Header(String id, String unit, int year, String template, int hierarchyYear, Instant computedAt,
                  String triggeredBy, RollupViews.Completeness completeness, @Nullable Long figuresRevision,
                  @Nullable String treeId, @Nullable String basis, @Nullable Map<String, String> notAccepted,
                  @Nullable List<String> excluded, @Nullable Map<String, Integer> versionsOverride,
                  @Nullable List<Part> units, @Nullable Map<String, String> tree, @Nullable Map<String, Integer> versions,
                  @Nullable List<Run> notAcceptedInTree) {
    }

    /** {@code count} units in a row in the tree's order whose reports are in {@code state} (null: accepted). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Run(@Nullable String state, int count) {
    }

    /** The states of the reports not accepted, as runs over {@code unitsInTreeOrder}. */
    static List<Run> runs(List<String> unitsInTreeOrder, Map<String, String> notAccepted) {
        return runs(unitsInTreeOrder.stream().map(notAccepted::get).toArray(String[]::new));
    }

    /** The state of each report in the tree's order ({@code null}: accepted), as runs. */
    static List<Run> runs(String[] statesInTreeOrder) {
        List<Run> runs = new ArrayList<>();
        String state = null;
        int count = 0;
        for (String s : statesInTreeOrder) {
            if (count > 0 && !Objects.equals(s, state)) {
                runs.add(new Run(state, count));
                count = 0;
            }
            state = s;
            count++;
        }
        if (count > 0) {
            runs.add(new Run(state, count));
        }
        return runs;
    }

    /** The states of the reports not accepted by unit, in the tree's order, from their runs. */
    static Map<String, String> notAccepted(List<String> unitsInTreeOrder, List<Run> runs) {
        Map<String, String> states = new LinkedHashMap<>();
        int u = 0;
        for (Run run : runs) {
            for (int i = 0; i < run.count(); i++, u++) {
                if (run.state() != null) {
                    states.put(unitsInTreeOrder.get(u), run.state());
                }
            }
        }
        if (u != unitsInTreeOrder.size()) {
            throw new IllegalStateException("a snapshot's report states cover " + u + " units of its tree's "
                    + unitsInTreeOrder.size());
        }
        return states;
    }

    /** JSON deflated: how headers and parts are stored (a part's JSON of 200 cells shrinks to about a third). */
    static byte[] pack(String json) {
        byte[] in = json.getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(in);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(in.length / 3 + 16);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    static String unpack(byte[] packed) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(packed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(packed.length * 4);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("a stored snapshot is cut short");
                }
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalStateException("a stored snapshot cannot be read", e);
        } finally {
            inflater.end();
        }
    }

    /**
     * One consolidating unit's part as a rollup computed it.
     *
     * @param values the consolidated values in the template's cell order, blank as null (a fifth of a map by code)
     * @param notApplicable the cells not applicable in every unit added (不适用), absent when there are none
     * @param consolidated older snapshots: the consolidated values by cell code
     * @param declaredFindings the findings on the table the unit compiled itself, if it declared one
     * @param declaredAndComputed what the unit declared beside the sum of the units, cell by cell, if it declared
     * @param own older snapshots: the unit's own figures, copied into the part
     * @param declared older snapshots: the unit's declared figures, copied into the part
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Part(String unit, @Nullable String parent, int unitsInSubtree, int unitsReported,
                @Nullable List<BigDecimal> values, @Nullable List<String> notApplicable,
                @Nullable Map<String, BigDecimal> consolidated,
                List<FindingView> findings, @Nullable List<FindingView> declaredFindings,
                @Nullable List<DeclaredAndComputed> declaredAndComputed,
                @Nullable Map<String, BigDecimal> own, @Nullable Map<String, BigDecimal> declared) {
    }

    // a field this version does not know was written by a newer one (two versions run side by side during a rolling
    // update) or by an older one since dropped: it is skipped, not a reason to fail the pull
    private static final ObjectReader HEADER = Json.MAPPER.readerFor(Header.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectReader PART = Json.MAPPER.readerFor(Part.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final TypeReference<LinkedHashMap<String, String>> TREE = new TypeReference<>() {};

    static String write(Header header) {
        return Json.write(header);
    }

    static String write(Part part) {
        return Json.write(part);
    }

    /** A tree as unit → parent (null at the root), in the tree's order. */
    static String writeTree(Map<String, String> parents) {
        return Json.write(parents);
    }

    static Header header(String json) {
        return read(HEADER, json);
    }

    static Part part(String json) {
        return read(PART, json);
    }

    private static <T> T read(ObjectReader reader, String json) {
        try {
            return reader.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored snapshot cannot be read", e);
        }
    }

    static Map<String, String> tree(String json) {
        return Json.read(json, TREE);
    }
}
