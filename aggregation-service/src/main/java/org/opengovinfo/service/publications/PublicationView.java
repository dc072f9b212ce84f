package org.opengovinfo.service.publications;

import com.fasterxml.jackson.core.type.TypeReference;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import org.opengovinfo.service.publications.PublicationRepository.StoredPublication;
import org.opengovinfo.service.system.Json;

/**
 * A publication: which unit's year, the how-many-th, the snapshot it published, who published it when, the units it
 * named missing, and — once reopened — who reopened it when and why.
 */
@Serdeable
public record PublicationView(String id, String unit, int year, int sequence, String snapshot, Instant publishedAt,
                              String publishedBy, List<String> missing, boolean standing, @Nullable Instant reopenedAt,
                              @Nullable String reopenedBy, @Nullable String reopenReason) {

    private static final TypeReference<List<String>> IDS = new TypeReference<>() {};

    static PublicationView of(StoredPublication p) {
        return new PublicationView(p.id(), p.unit(), p.year(), p.sequence(), p.snapshot(), p.publishedAt(),
                p.publishedBy(), p.missing() == null ? List.of() : Json.read(p.missing(), IDS), p.standing(),
                p.reopenedAt(), p.reopenedBy(), p.reopenReason());
    }
}
