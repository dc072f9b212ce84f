package org.opengovinfo.model.figures;

import java.util.List;
import java.util.stream.Collectors;
import org.opengovinfo.model.rule.Finding;

/** Thrown where figures were expected to be valid but some input value was rejected. */
public class InvalidFiguresException extends IllegalArgumentException {

    private final transient List<Finding> problems;

    public InvalidFiguresException(List<Finding> problems) {
        super(problems.stream().map(p -> p.rule() + " " + p.cells() + ": " + p.message().en())
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Finding> problems() {
        return problems;
    }
}
