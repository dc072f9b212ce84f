package org.opengovinfo.client.cli;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The unit and year a CSV form's heading names ({@code 单位,ID,…} and {@code 年度,2021}, or {@code unit}/{@code year}),
 * so that {@code ogi submit form.csv} needs no options; the service reads the rest of the form.
 */
record FormHeading(String unit, Integer year) {

    private static final CsvMapper CSV = new CsvMapper();

    static FormHeading of(byte[] form) {
        String text = decode(form);
        String unit = null;
        Integer year = null;
        try (MappingIterator<List<String>> lines = CSV.readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).with(CsvParser.Feature.SKIP_EMPTY_LINES).readValues(text)) {
            for (int n = 0; n < 8 && lines.hasNextValue(); n++) {
                List<String> fields = lines.nextValue();
                String key = fields.isEmpty() ? "" : fields.get(0).strip();
                String value = fields.size() > 1 ? fields.get(1).strip() : "";
                if ((key.equals("单位") || key.equals("unit")) && !value.isEmpty()) {
                    unit = value;
                } else if ((key.equals("年度") || key.equals("year")) && value.matches("[0-9]{4}")) {
                    year = Integer.valueOf(value);
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // the service says what is wrong with the form; here only the heading is looked for
        }
        return new FormHeading(unit, year);
    }

    private static String decode(byte[] bytes) {
        try {
            return Charset.forName("UTF-8").newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString().replace("\uFEFF", "");
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }
}
