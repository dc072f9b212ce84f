package org.opengovinfo.service.submissions;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.opengovinfo.service.submissions.CurrentFigures.Current;

/**
 * The figures this instance has just stored, as the checked values it stored them from, until the year in memory
 * ({@link CurrentFigures}) catches up on them: so that catching up on its own writes does not decode their stored
 * text again (during a national bulk ingest that decoding was a fifth of the service's processor time). Versions are
 * handed over only once their transaction has committed, when their stored form can no longer differ from them;
 * versions stored by other instances, and any this one forgot, are decoded from their rows as before.
 */
@Singleton
class JustStored {

    /** Versions kept at most: more than a bulk ingest stores between two catch-ups; the oldest go first. */
    static final int KEPT = 8192;

    private record Key(String unit, int year, int version) {
    }

    private final TransactionOperations<Connection> transactions;
    private final Map<Key, Current> kept = new LinkedHashMap<>(KEPT * 2) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Current> eldest) {
            return size() > KEPT;
        }
    };

    /** How many versions a catch-up took from here rather than decoding them (for tests and diagnosis). */
    private final AtomicLong handedOver = new AtomicLong();

    JustStored(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** One version being stored in the current transaction, with the figures it was checked as. */
    record Version(String unit, int year, int version, Current current) {
    }

    /** Keeps these versions once the current transaction commits; nothing if it rolls back. */
    void afterCommit(List<Version> versions) {
        List<Version> copy = new ArrayList<>(versions);
        transactions.findTransactionStatus().ifPresent(status -> status.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                synchronized (kept) {
                    for (Version v : copy) {
                        kept.put(new Key(v.unit(), v.year(), v.version()), v.current());
                    }
                }
            }
        }));
    }

    /** The figures of a stored version if this instance stored it and still keeps it; then forgets them. */
    Current take(StoredSubmission s) {
        Current current;
        synchronized (kept) {
            current = kept.remove(new Key(s.unit(), s.year(), s.version()));
        }
        if (current != null) {
            handedOver.incrementAndGet();
        }
        return current;
    }

    /** Whether any version of the year is kept: if none, a catch-up reads every version's text in one pass. */
    boolean holdsAny(int year) {
        synchronized (kept) {
            for (Key k : kept.keySet()) {
                if (k.year() == year) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Forgets the year's versions: when the year is loaded whole again, which it is when the stored revision went
     * back (a restored backup), after which another instance may store a version of the same number with other
     * figures.
     */
    void forget(int year) {
        synchronized (kept) {
            kept.keySet().removeIf(k -> k.year() == year);
        }
    }

    long handedOver() {
        return handedOver.get();
    }
}
