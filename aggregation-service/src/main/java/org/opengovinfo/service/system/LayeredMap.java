package org.opengovinfo.service.system;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * An unmodifiable map made of a large map and the few entries that replace or add to it since: a year's figures or
 * report states brought up to date after one PUT cost a copy of the changes, not of 186,667 entries. When the changes
 * grow past a sixteenth of the base they are folded into a new base, so a lookup is at most two hash lookups and a
 * copy is amortised over many updates. Values may not be {@code null}; neither map is changed after it is given.
 */
public final class LayeredMap<K, V> extends AbstractMap<K, V> {

    private final Map<K, V> base;
    private final Map<K, V> top;
    private final int size;

    private LayeredMap(Map<K, V> base, Map<K, V> top, int size) {
        this.base = base;
        this.top = top;
        this.size = size;
    }

    /** {@code map} with {@code changes} put over it; {@code map} itself is left as it is. */
    public static <K, V> Map<K, V> with(Map<K, V> map, Map<K, V> changes) {
        if (changes.isEmpty()) {
            return map;
        }
        Map<K, V> base = map instanceof LayeredMap<K, V> layered ? layered.base : map;
        Map<K, V> top = new HashMap<>(map instanceof LayeredMap<K, V> layered ? layered.top : Map.of());
        int size = map.size();
        for (Map.Entry<K, V> change : changes.entrySet()) {
            V value = Objects.requireNonNull(change.getValue(), "value");
            if (top.put(change.getKey(), value) == null && !base.containsKey(change.getKey())) {
                size++;
            }
        }
        if (top.size() > Math.max(64, base.size() / 16)) {
            Map<K, V> folded = new HashMap<>(base);
            folded.putAll(top);
            return Collections.unmodifiableMap(folded);
        }
        return new LayeredMap<>(base, Collections.unmodifiableMap(top), size);
    }

    @Override
    public V get(Object key) {
        V value = top.get(key);
        return value != null ? value : base.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return top.containsKey(key) || base.containsKey(key);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Entry<K, V>> iterator() {
                Iterator<Entry<K, V>> changed = top.entrySet().iterator();
                Iterator<Entry<K, V>> rest = base.entrySet().iterator();
                return new Iterator<>() {
                    private Entry<K, V> next = advance();

                    private Entry<K, V> advance() {
                        if (changed.hasNext()) {
                            return changed.next();
                        }
                        while (rest.hasNext()) {
                            Entry<K, V> e = rest.next();
                            if (!top.containsKey(e.getKey())) {
                                return e;
                            }
                        }
                        return null;
                    }

                    @Override
                    public boolean hasNext() {
                        return next != null;
                    }

                    @Override
                    public Entry<K, V> next() {
                        if (next == null) {
                            throw new NoSuchElementException();
                        }
                        Entry<K, V> e = next;
                        next = advance();
                        return e;
                    }
                };
            }
        };
    }
}
