package org.opengovinfo.model.consolidation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HierarchyTest {

    @Test
    void parentsComeBeforeChildrenWhateverTheOrderOfAdding() {
        Hierarchy h = Hierarchy.builder()
                .add("town", "county")
                .add("county", "city")
                .add("city", null)
                .add("department", "city")
                .build();

        int[] order = h.order();
        assertEquals("city", h.unit(order[0]));
        assertEquals(List.of("city", "county", "department", "town"),
                Arrays.stream(order).mapToObj(h::unit).toList());
        assertArrayEquals(new int[] {h.indexOf("county"), h.indexOf("department")}, h.children(h.indexOf("city")));
        assertEquals(-1, h.parent(h.indexOf("city")));
        assertEquals(-1, h.indexOf("nowhere"));
    }

    @Test
    void everyProblemIsListedAtOnce() {
        HierarchyException e = assertThrows(HierarchyException.class, () -> Hierarchy.builder()
                .add("a", "b")
                .add("b", "c")
                .add("c", "a")
                .add("d", "ghost")
                .add("e", "a")
                .add("e", "b")
                .add("f", null)
                .add("f", null)
                .build());

        assertEquals(List.of(
                        "unit e has two parents: a and b",
                        "unit f is listed twice",
                        "unit d has an unknown parent ghost",
                        "units report to each other in a cycle: a → b → c → a"),
                e.problems());
    }

    @Test
    void aUnitThatIsItsOwnParentIsACycle() {
        HierarchyException e = assertThrows(HierarchyException.class,
                () -> Hierarchy.builder().add("a", "a").build());
        assertEquals(List.of("units report to each other in a cycle: a → a"), e.problems());
    }
}
