package org.opengovinfo.service.submissions;

import java.util.Map;

/**
 * What a client submits for one unit and year, before validation.
 *
 * @param template the template id the client believes in force, or {@code null} to take the year's
 * @param figures the unit's own figures: cell code → value (number, text in a published form, or null)
 * @param declared values a consolidating unit declares for its consolidated report, or an empty map
 */
public record SubmissionInput(String template, Map<String, Object> figures, Map<String, Object> declared) {
}
