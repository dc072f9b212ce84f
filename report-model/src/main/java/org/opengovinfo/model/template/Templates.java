package org.opengovinfo.model.template;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The report templates known to the system; the report year picks the template.
 *
 * <p>Bundled templates are resource files under {@value #BASE}: {@code templates.list} names one id per line, and
 * each id has {@code <id>.template.json} and {@code <id>.rules.json}. Adding a format is adding two files and a
 * line. Immutable and safe to share.
 */
public final class Templates {

    static final String BASE = "report-templates/";

    private static final class Bundled {
        static final Templates INSTANCE = load(Templates.class.getClassLoader(), BASE);
    }

    private final List<Template> templates;

    private Templates(List<Template> templates) {
        Set<String> ids = new HashSet<>();
        for (Template t : templates) {
            if (!ids.add(t.id())) {
                throw new TemplateDefinitionException("template id " + t.id() + " is used twice");
            }
        }
        List<Template> sorted = new ArrayList<>(templates);
        sorted.sort(Comparator.comparingInt(t -> t.years().from()));
        for (int i = 1; i < sorted.size(); i++) {
            Template a = sorted.get(i - 1);
            Template b = sorted.get(i);
            if (a.years().overlaps(b.years())) {
                throw new TemplateDefinitionException("templates " + a.id() + " (" + a.years() + ") and " + b.id()
                        + " (" + b.years() + ") are both in force in " + b.years().from());
            }
        }
        this.templates = List.copyOf(sorted);
    }

    /**
     * The templates shipped with the model: legacy (2008–2018), 2019 (2019–2020) and 2021 (2021 onward).
     *
     * @throws TemplateDefinitionException on first use if a bundled file is malformed, naming the file
     */
    public static Templates bundled() {
        return Bundled.INSTANCE;
    }

    /**
     * Loads the templates listed in {@code <base>templates.list} from the class loader's resources.
     *
     * @throws TemplateDefinitionException naming the file and the problem, if any file is missing or malformed,
     *     or two templates claim the same year
     */
    public static Templates load(ClassLoader loader, String base) {
        List<Template> templates = new ArrayList<>();
        for (String id : listedIds(loader, base)) {
            String templateFile = base + id + ".template.json";
            String rulesFile = base + id + ".rules.json";
            Template template = TemplateReader.read(templateFile, loader.getResourceAsStream(templateFile),
                    rulesFile, loader.getResourceAsStream(rulesFile));
            if (!template.id().equals(id)) {
                throw new TemplateDefinitionException(templateFile + ": id is '" + template.id() + "', expected '" + id + "'");
            }
            templates.add(template);
        }
        return new Templates(templates);
    }

    private static List<String> listedIds(ClassLoader loader, String base) {
        String list = base + "templates.list";
        InputStream in = loader.getResourceAsStream(list);
        if (in == null) {
            throw new TemplateDefinitionException(list + ": file not found");
        }
        List<String> ids = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                String id = line.strip();
                if (!id.isEmpty() && !id.startsWith("#")) {
                    ids.add(id);
                }
            }
        } catch (IOException e) {
            throw new TemplateDefinitionException(list + ": cannot be read: " + e.getMessage(), e);
        }
        if (ids.isEmpty()) {
            throw new TemplateDefinitionException(list + ": lists no template");
        }
        return ids;
    }

    /** The template in force for a report year, or empty if none is (before 2008, say). */
    public Optional<Template> forYear(int year) {
        return templates.stream().filter(t -> t.years().contains(year)).findFirst();
    }

    public Optional<Template> byId(String id) {
        return templates.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** All templates, oldest first. */
    public List<Template> all() {
        return templates;
    }
}
