package org.opengovinfo.model.consolidation;

import java.util.List;

/** A hierarchy that cannot be used: every problem is listed. */
public class HierarchyException extends IllegalArgumentException {

    private final transient List<String> problems;

    public HierarchyException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
