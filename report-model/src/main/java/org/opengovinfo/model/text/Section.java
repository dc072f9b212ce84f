package org.opengovinfo.model.text;

import java.util.List;

/**
 * A section of the report's text as the format numbers and titles it.
 *
 * @param number the Chinese number it is printed with (五)
 * @param titles its title and the variants reports print
 * @param role {@code problems} (存在的主要问题及改进情况, which must say something), {@code other_matters}
 *     (其他需要报告的事项, where fees are reported) or {@code null}
 * @param minimumLength for {@code problems}: fewer characters than this is too little to be an account
 */
public record Section(String number, List<String> titles, String role, int minimumLength) {

    public static final String PROBLEMS = "problems";
    public static final String OTHER_MATTERS = "other_matters";

    public Section {
        titles = List.copyOf(titles);
    }
}
