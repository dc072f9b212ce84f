package org.opengovinfo.model.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.PatternSyntaxException;
import org.opengovinfo.model.template.StrictJson;
import org.opengovinfo.model.template.Template;

/**
 * Reads a text pattern file strictly: an unknown key, a missing attribute, an unknown cell, a phrase that is no
 * regular expression or does not hold {@code {n}} exactly once, a sentence without {@code {n}}, a subject not
 * declared — each fails naming the file and the JSON path.
 */
final class TextPatternReader {

    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

    private final StrictJson json;
    private final Template template;

    private TextPatternReader(String file, Template template) {
        this.json = new StrictJson(file, TextDefinitionException::new);
        this.template = template;
    }

    static TextPatterns read(String file, InputStream in, Template template) {
        return new TextPatternReader(file, template).read(in);
    }

    private TextPatterns read(InputStream in) {
        JsonNode root = json.parse(in);
        json.allowOnly(root, "$", "template", "sections", "subjects", "pendingCells", "feeCells", "statements");
        String declaredFor = json.text(root, "template", "$");
        if (!declaredFor.equals(template.id())) {
            throw json.fail("$.template: the patterns are for template '" + declaredFor + "' but sit beside template '"
                    + template.id() + "'");
        }
        List<Section> sections = sections(root);
        Map<String, List<String>> subjects = new LinkedHashMap<>();
        JsonNode s = json.object(root, "subjects", "$");
        for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
            String subject = it.next();
            subjects.put(subject, json.texts(s, subject, "$.subjects"));
        }
        Map<String, List<String>> pending = new LinkedHashMap<>();
        JsonNode p = json.object(root, "pendingCells", "$");
        for (Iterator<String> it = p.fieldNames(); it.hasNext(); ) {
            String subject = it.next();
            if (!subjects.containsKey(subject)) {
                throw json.fail("$.pendingCells." + subject + ": no subject '" + subject + "' in $.subjects");
            }
            pending.put(subject, cells(json.texts(p, subject, "$.pendingCells"), "$.pendingCells." + subject));
        }
        JsonNode fees = json.array(root, "feeCells", "$");
        List<String> feeCells = new ArrayList<>();
        for (int i = 0; i < fees.size(); i++) {
            if (!fees.get(i).isTextual()) {
                throw json.fail("$.feeCells[" + i + "]: expected a cell code");
            }
            feeCells.add(cell(fees.get(i).asText(), "$.feeCells[" + i + "]"));
        }
        JsonNode nodes = json.nonEmptyArray(root, "statements", "$");
        List<Statement> statements = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            Statement st = statement(nodes.get(i), "$.statements[" + i + "]", subjects);
            if (!ids.add(st.id())) {
                throw json.fail("$.statements[" + i + "]: statement id '" + st.id() + "' is used twice");
            }
            statements.add(st);
        }
        return new TextPatterns(template, sections, subjects, pending, feeCells, statements);
    }

    private List<Section> sections(JsonNode root) {
        JsonNode nodes = json.array(root, "sections", "$");
        List<Section> sections = new ArrayList<>();
        Set<String> roles = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            String path = "$.sections[" + i + "]";
            JsonNode n = nodes.get(i);
            json.allowOnly(n, path, "number", "titles", "role", "minimumLength");
            String number = json.text(n, "number", path);
            if (!number.matches("[一二三四五六七八九十]+")) {
                throw json.fail(path + ".number: '" + number + "' is not a Chinese section number such as 五");
            }
            String role = n.has("role") ? json.text(n, "role", path) : null;
            if (role != null && !role.equals(Section.PROBLEMS) && !role.equals(Section.OTHER_MATTERS)) {
                throw json.fail(path + ".role: expected problems or other_matters, not '" + role + "'");
            }
            if (role != null && !roles.add(role)) {
                throw json.fail(path + ".role: '" + role + "' is given to two sections");
            }
            int minimum = n.has("minimumLength") ? json.positiveInt(n, "minimumLength", path) : 0;
            sections.add(new Section(number, json.texts(n, "titles", path), role, minimum));
        }
        return sections;
    }

    private Statement statement(JsonNode n, String path, Map<String, List<String>> subjects) {
        json.allowOnly(n, path, "id", "paragraph", "cells", "also", "subject", "unit", "sentence", "phrases");
        String id = json.text(n, "id", path);
        if (!ID.matcher(id).matches()) {
            throw json.fail(path + ".id: '" + id + "' is not an id (lower-case words joined by dots)");
        }
        path = path + " (" + id + ")";
        List<String> cells = cells(json.texts(n, "cells", path), path + ".cells");
        List<List<String>> also = new ArrayList<>();
        JsonNode a = json.array(n, "also", path);
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).isArray() || a.get(i).isEmpty()) {
                throw json.fail(path + ".also[" + i + "]: expected a non-empty array of cell codes");
            }
            List<String> reading = new ArrayList<>();
            for (int j = 0; j < a.get(i).size(); j++) {
                reading.add(cell(a.get(i).get(j).asText(), path + ".also[" + i + "][" + j + "]"));
            }
            also.add(reading);
        }
        String subject = n.has("subject") ? json.text(n, "subject", path) : null;
        if (subject != null && !subjects.containsKey(subject)) {
            throw json.fail(path + ".subject: no subject '" + subject + "' in $.subjects");
        }
        JsonNode sentence = json.object(n, "sentence", path);
        json.allowOnly(sentence, path + ".sentence", "zh", "en");
        String zh = json.text(sentence, "zh", path + ".sentence");
        String en = json.text(sentence, "en", path + ".sentence");
        if (!zh.contains("{n}") || !en.contains("{n}")) {
            throw json.fail(path + ".sentence: both wordings need {n} where the number goes");
        }
        List<String> phrases = json.texts(n, "phrases", path);
        for (int i = 0; i < phrases.size(); i++) {
            String phrase = phrases.get(i);
            String p = path + ".phrases[" + i + "]";
            if (phrase.indexOf("{n}") < 0 || phrase.indexOf("{n}") != phrase.lastIndexOf("{n}")) {
                throw json.fail(p + ": a phrase holds {n} exactly once, where the number stands");
            }
            try {
                Matcher m = TextPatterns.compile(phrase, 2021).matcher("");
                if (m.groupCount() != 1) {
                    throw json.fail(p + ": use (?:…) for groups; the only capturing group is {n}");
                }
            } catch (PatternSyntaxException e) {
                throw json.fail(p + ": not a regular expression: " + e.getDescription());
            }
        }
        return new Statement(id, json.text(n, "paragraph", path), cells, also, subject, json.text(n, "unit", path),
                zh, en, phrases);
    }

    private List<String> cells(List<String> codes, String path) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            out.add(cell(codes.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    private String cell(String code, String path) {
        if (template.cell(code).isEmpty()) {
            throw json.fail(path + ": no cell '" + code + "' in template " + template.id());
        }
        return code;
    }
}
