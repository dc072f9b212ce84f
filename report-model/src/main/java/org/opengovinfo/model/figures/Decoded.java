package org.opengovinfo.model.figures;

import java.util.List;
import java.util.Optional;
import org.opengovinfo.model.rule.Finding;

/**
 * The outcome of decoding input into figures: the figures if every value was accepted, and every problem found.
 *
 * @param figures present exactly when {@code problems} is empty
 */
public record Decoded(Optional<Figures> figures, List<Finding> problems) {

    public Decoded {
        problems = List.copyOf(problems);
        if (figures.isPresent() != problems.isEmpty()) {
            throw new IllegalArgumentException("figures are decoded exactly when there is no problem");
        }
    }
}
