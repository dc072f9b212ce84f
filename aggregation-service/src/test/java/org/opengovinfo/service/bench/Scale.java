package org.opengovinfo.service.bench;

import java.util.Locale;
import org.opengovinfo.model.sample.SampleTrees;
import org.opengovinfo.model.template.Template;

/** The three sizes the service is measured at, each a seeded sample tree with its root unit. */
enum Scale {
    CITY("city") {
        @Override
        SampleTrees trees(Template template) {
            return SampleTrees.city(template, SEED);
        }
    },
    PROVINCE("p0") {
        @Override
        SampleTrees trees(Template template) {
            return SampleTrees.province(template, SEED);
        }
    },
    NATIONAL("cn") {
        @Override
        SampleTrees trees(Template template) {
            return SampleTrees.national(template, SEED);
        }
    };

    static final long SEED = 20211231L;

    private final String root;

    Scale(String root) {
        this.root = root;
    }

    abstract SampleTrees trees(Template template);

    String root() {
        return root;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Scale parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    /** The unit kind the service is told for a sample tree's unit id (see {@link SampleTrees} for the id shapes). */
    static String kindOf(String id) {
        String last = id.substring(id.lastIndexOf('-') + 1);
        if (id.matches(".*-d\\d+")) {
            return "department";
        }
        if (id.matches(".*-(t\\d+|town-\\d+)")) {
            return "town";
        }
        if (id.contains("-street-")) {
            return "street";
        }
        if (id.startsWith("zone-")) {
            return "development_zone";
        }
        if (id.equals("cn")) {
            return "country";
        }
        if (id.matches("p\\d+")) {
            return "province";
        }
        return last.startsWith("k") || id.startsWith("county-") ? "county" : "city";
    }
}
