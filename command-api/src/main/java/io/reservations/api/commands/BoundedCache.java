package io.reservations.api.commands;

import java.util.LinkedHashMap;
import java.util.Map;

/** A map that forgets its oldest entries beyond a capacity: the API keeps no unbounded state. */
final class BoundedCache<K, V> {

    private final Map<K, V> entries;

    BoundedCache(final int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(final Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized V get(final K key) {
        return entries.get(key);
    }

    synchronized void put(final K key, final V value) {
        entries.put(key, value);
    }

    synchronized V putIfAbsent(final K key, final V value) {
        return entries.putIfAbsent(key, value);
    }
}
