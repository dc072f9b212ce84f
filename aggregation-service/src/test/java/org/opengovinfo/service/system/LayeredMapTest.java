package org.opengovinfo.service.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A map with changes layered over it answers exactly as a copy with the changes put into it would. */
class LayeredMapTest {

    @Test
    void afterManyRoundsOfChangesItEqualsACopyWithTheChangesPut() {
        Random random = new Random(17);
        Map<Integer, String> expected = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            expected.put(i, "v" + i);
        }
        Map<Integer, String> layered = Map.copyOf(expected);
        for (int round = 0; round < 300; round++) {
            Map<Integer, String> before = Map.copyOf(layered);
            Map<Integer, String> changes = new HashMap<>();
            for (int c = random.nextInt(round % 50 == 0 ? 900 : 20); c >= 0; c--) {
                // replaced, and now and then a new key
                changes.put(random.nextInt(5_200), "r" + round + "." + c);
            }
            Map<Integer, String> next = LayeredMap.with(layered, changes);
            expected.putAll(changes);

            assertEquals(expected, next, "round " + round);
            assertEquals(expected.size(), next.size());
            assertEquals(expected.hashCode(), next.hashCode());
            assertEquals(before, layered, "the map changes were put over is left as it was");
            for (int probe = 0; probe < 50; probe++) {
                int key = random.nextInt(5_400);
                assertEquals(expected.get(key), next.get(key));
                assertEquals(expected.containsKey(key), next.containsKey(key));
            }
            layered = next;
        }
    }

    @Test
    void noChangesAnswerTheSameMapAndItRefusesNullsAndWrites() {
        Map<String, String> base = Map.of("a", "1");
        assertSame(base, LayeredMap.with(base, Map.of()));
        Map<String, String> nulls = new HashMap<>();
        nulls.put("b", null);
        assertThrows(NullPointerException.class, () -> LayeredMap.with(base, nulls));
        Map<String, String> layered = LayeredMap.with(base, Map.of("b", "2"));
        assertThrows(UnsupportedOperationException.class, () -> layered.put("c", "3"));
        assertNull(layered.get("c"));
        assertFalse(layered.containsKey("c"));
    }
}
