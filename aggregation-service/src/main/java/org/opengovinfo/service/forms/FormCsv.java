package org.opengovinfo.service.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.poi.ss.util.CellReference;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.layout.PrintedLayout;
import org.opengovinfo.model.template.Table;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.service.system.ErrorCode;
import org.opengovinfo.service.system.Redaction;
import org.opengovinfo.service.system.Words;

/**
 * The CSV form: the heading (单位, 年度, 报告格式, 数据), then for each table of the format a line with the table's
 * Chinese label and its column labels, and a line per row with the row's label and its values in column order; a
 * list table (legacy indicators) has the columns 统计数 and 计量单位 (the latter for reading only). Written in UTF-8
 * with a byte order mark and CRLF line ends, as Excel and WPS open it without asking.
 *
 * <p>Read as Excel and WPS save it: UTF-8 with or without a byte order mark, or GB18030 (which includes GBK, what a
 * Chinese Windows Excel writes) when the bytes are not UTF-8; CRLF or LF; quoted fields over several lines (a label
 * wrapped in its cell); the empty columns a spreadsheet pads short lines with. Labels are compared with widths
 * folded and white space dropped. Instead of a label, a line may give the code (the table {@code s3}, the row
 * {@code new}, the column {@code natural_person}; {@code unit}, {@code year} in the heading; {@code value} for a list
 * table's figure column), so the code-based forms of earlier versions still read. A value beyond the table's columns
 * is refused, naming its line; a blank value is a blank cell, never zero. Tokenising is Jackson's CSV parser.
 */
final class FormCsv {

    static final String FIGURE = "统计数";
    static final String MEASURE = "计量单位";
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
    /** Reads line by line: each line an array of text, with no array around the whole file. */
    private static final CsvMapper LINES = new CsvMapper();
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private FormCsv() {}

    // ---- out ----------------------------------------------------------------------------------------------

    static byte[] write(Template template, FormHeading heading, Figures figures) {
        List<List<String>> lines = new ArrayList<>(heading.lines());
        for (Table table : template.tables()) {
            lines.add(List.of());
            List<String> header = new ArrayList<>();
            header.add(String.join(" ", table.labels()));
            if (table.columns().isEmpty()) {
                header.add(FIGURE);
                header.add(MEASURE);
            } else {
                table.columns().forEach(c -> header.add(String.join(" ", table.columnLabels(c))));
            }
            lines.add(header);
            for (String row : table.rows()) {
                List<String> line = new ArrayList<>();
                line.add(String.join(" ", table.rowLabels(row)));
                if (table.columns().isEmpty()) {
                    String code = table.code() + "." + row;
                    line.add(value(figures, code));
                    line.add(template.cell(code).orElseThrow().unit());
                } else {
                    table.columns().forEach(c -> line.add(value(figures, table.code() + "." + row + "." + c)));
                }
                lines.add(line);
            }
        }
        CsvSchema schema = CsvSchema.emptySchema().withLineSeparator("\r\n");
        try {
            byte[] body = CSV.writer(schema).writeValueAsBytes(lines);
            byte[] out = new byte[BOM.length + body.length];
            System.arraycopy(BOM, 0, out, 0, BOM.length);
            System.arraycopy(body, 0, out, BOM.length, body.length);
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write CSV", e);
        }
    }

    private static String value(Figures figures, String code) {
        if (figures == null) {
            return "";
        }
        if (figures.isNotApplicable(code)) {
            return Figures.NOT_APPLICABLE;
        }
        return figures.value(code).map(BigDecimal::toPlainString).orElse("");
    }

    // ---- in -----------------------------------------------------------------------------------------------

    /** UTF-8 (a byte order mark dropped) if the bytes are UTF-8, else GB18030, the superset of GBK. */
    static String decode(byte[] bytes) {
        if (bytes.length >= 3 && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2]) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        try {
            return strict(StandardCharsets.UTF_8, bytes);
        } catch (CharacterCodingException notUtf8) {
            try {
                return strict(Charset.forName("GB18030"), bytes);
            } catch (CharacterCodingException neither) {
                throw ErrorCode.REQUEST_MALFORMED_CSV.problem(1, new Words("既不是 UTF-8 也不是 GBK/GB18030 编码的文本",
                        "the bytes are neither UTF-8 nor GBK/GB18030 text"));
            }
        }
    }

    private static String strict(Charset charset, byte[] bytes) throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** A table being read: its columns by position in the line (a {@code null} column is one for people only). */
    private record Block(Table table, List<String> columns) {
    }

    static FilledForm read(byte[] bytes, Template template, PrintedLayout layout, Consumer<FilledForm> headingCheck) {
        String text = decode(bytes);
        Names names = new Names(template);
        String unit = null;
        Integer year = null;
        String form = null;
        Source source = null;
        Block block = null;
        Map<String, Object> figures = new LinkedHashMap<>();
        Map<String, String> places = new HashMap<>();
        try (CsvParser parser = (CsvParser) LINES.getFactory().createParser(new StringReader(text))) {
            parser.setSchema(CsvSchema.emptySchema());
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token != JsonToken.START_ARRAY) {
                    continue;
                }
                // a line's number is where its first field starts (the array's own token may still stand at the
                // end of the line before)
                int line = -1;
                List<String> fields = new ArrayList<>();
                while (parser.nextToken() == JsonToken.VALUE_STRING) {
                    if (line < 0) {
                        line = parser.currentTokenLocation().getLineNr();
                    }
                    fields.add(parser.getText());
                }
                if (fields.isEmpty()) {
                    continue;
                }
                if (fields.stream().allMatch(String::isBlank)) {
                    continue;
                }
                String first = Printable.key(fields.get(0));
                switch (first) {
                    case FormHeading.UNIT, "unit" -> {
                        unit = field(fields, 1);
                        continue;
                    }
                    case FormHeading.YEAR, "year" -> {
                        String y = field(fields, 1);
                        year = y == null ? null : y.matches("[0-9]{4}") ? Integer.valueOf(y) : -1;
                        continue;
                    }
                    case FormHeading.SOURCE -> {
                        String s = field(fields, 1);
                        source = s == null ? null : Source.ofPrinted(Printable.key(s)).orElse(null);
                        continue;
                    }
                    case FormHeading.TEMPLATE, "template" -> {
                        form = field(fields, 1);
                        continue;
                    }
                    default -> {
                    }
                }
                Table table = names.table(first);
                if (table != null && block == null) {
                    // the heading is over: a form of another unit or year is refused before its tables are read
                    headingCheck.accept(new FilledForm(unit, year, form, source, Map.of(), Map.of()));
                }
                if (table != null) {
                    block = new Block(table, names.columns(table, fields, line));
                    continue;
                }
                if (block == null) {
                    throw ErrorCode.FORM_UNKNOWN_LABEL.problem(line, Redaction.text(fields.get(0), 80), template.id(),
                            new Words("表格", "table"));
                }
                String row = names.row(block.table(), first);
                if (row == null) {
                    throw ErrorCode.FORM_UNKNOWN_LABEL.problem(line, Redaction.text(fields.get(0), 80), template.id(),
                            new Words("行", "row"));
                }
                for (int i = 1; i < fields.size(); i++) {
                    String value = fields.get(i).strip();
                    boolean inTable = i - 1 < block.columns().size();
                    if (!inTable) {
                        if (!value.isEmpty()) {
                            throw ErrorCode.FORM_EXTRA_VALUES.problem(line, values(fields), block.columns().size(),
                                    i + 1, Redaction.text(value, 40));
                        }
                        continue;
                    }
                    String column = block.columns().get(i - 1);
                    if (column == null || value.isEmpty()) {
                        continue;
                    }
                    String code = block.table().code() + "." + row + (column.isEmpty() ? "" : "." + column);
                    figures.put(code, value);
                    String labels = layout.place(code).map(p -> p.slot().labels()).orElse(code);
                    places.put(code, "CSV 第 " + line + " 行 " + CellReference.convertNumToColString(i) + " 列 · " + labels);
                }
            }
        } catch (IOException e) {
            String where = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                    ? String.valueOf(j.getLocation().getLineNr()) : "?";
            throw ErrorCode.REQUEST_MALFORMED_CSV.problem(where, new Words("无法按 CSV 读取（引号未闭合？）",
                    "it cannot be read as CSV (an unclosed quote?)"));
        }
        return new FilledForm(unit, year, form, source, figures, places);
    }

    /** The number of values a line holds: up to its last non-blank field. */
    private static int values(List<String> fields) {
        int last = fields.size() - 1;
        while (last > 0 && fields.get(last).isBlank()) {
            last--;
        }
        return last;
    }

    private static String field(List<String> fields, int i) {
        if (i >= fields.size() || fields.get(i).isBlank()) {
            return null;
        }
        return fields.get(i).strip();
    }

    /** The template's tables, rows and columns by every name a form may give them (label keys and codes). */
    private static final class Names {
        private final Map<String, Table> tables = new HashMap<>();
        private final Map<String, Map<String, String>> rows = new HashMap<>();
        private final Map<String, Map<String, String>> columns = new HashMap<>();
        private final Template template;

        Names(Template template) {
            this.template = template;
            for (Table t : template.tables()) {
                tables.put(t.code(), t);
                tables.put(Printable.key(String.join(" ", t.labels())), t);
                rows.put(t.code(), names(t.rows(), t.rowLabels()));
                columns.put(t.code(), names(t.columns(), t.columnLabels()));
            }
        }

        /** Code, whole label path, and the last label where no other line of the table shares it. */
        private static Map<String, String> names(List<String> codes, List<List<String>> labels) {
            Map<String, String> byName = new HashMap<>();
            Map<String, Integer> lastCounts = new HashMap<>();
            labels.forEach(l -> lastCounts.merge(Printable.key(l.get(l.size() - 1)), 1, Integer::sum));
            for (int i = 0; i < codes.size(); i++) {
                List<String> path = labels.get(i);
                String last = Printable.key(path.get(path.size() - 1));
                if (lastCounts.get(last) == 1) {
                    byName.put(last, codes.get(i));
                }
                byName.put(Printable.key(String.join(" ", path)), codes.get(i));
                byName.put(codes.get(i), codes.get(i));
            }
            return byName;
        }

        Table table(String key) {
            return tables.get(key);
        }

        String row(Table table, String key) {
            return rows.get(table.code()).get(key);
        }

        /**
         * The columns a table's header line names, in order: a column code, {@code ""} for a list table's figure,
         * {@code null} for a column for people only (计量单位, label); trailing blank headers end the table.
         */
        List<String> columns(Table table, List<String> header, int line) {
            List<String> out = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            int last = values(header);
            for (int i = 1; i <= last; i++) {
                String key = Printable.key(header.get(i));
                String column;
                if (key.equals(MEASURE) || key.equals("label")) {
                    column = null;
                } else if (table.columns().isEmpty()) {
                    if (!key.equals(FIGURE) && !key.equals("value")) {
                        throw ErrorCode.FORM_UNKNOWN_LABEL.problem(line, Redaction.text(header.get(i), 80), template.id(),
                                new Words("列", "column"));
                    }
                    column = "";
                } else {
                    column = columns.get(table.code()).get(key);
                    if (column == null) {
                        throw ErrorCode.FORM_UNKNOWN_LABEL.problem(line, Redaction.text(header.get(i), 80), template.id(),
                                new Words("列", "column"));
                    }
                }
                if (column != null && !seen.add(column)) {
                    throw ErrorCode.FORM_UNKNOWN_LABEL.problem(line, Redaction.text(header.get(i), 80), template.id(),
                            new Words("未重复的列", "column not given before"));
                }
                out.add(column);
            }
            return out;
        }
    }
}
