package org.opengovinfo.service.forms;

import io.micronaut.core.annotation.Nullable;
import java.util.Map;

/**
 * A form as sent, read: the unit, year and format its heading names (null where it names none) and its values by cell code,
 * as typed (numbers, or text such as 增加15 for the model's parser), with where each value stands in the form.
 */
record FilledForm(@Nullable String unit, @Nullable Integer year, @Nullable String template, @Nullable Source source,
                  Map<String, Object> figures, Map<String, String> places) {

    FilledForm {
        figures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(figures));
        places = Map.copyOf(places);
    }
}
