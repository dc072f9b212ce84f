package org.opengovinfo.service.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import org.opengovinfo.service.access.WebSessions;
import org.opengovinfo.service.audit.AuditLog;

/**
 * A sign-in to the web app and its line in the audit trail, in one transaction: a session is never opened without
 * the trail saying who opened it, when, and until when. (The audit package depends on access, so access cannot write
 * the line itself.)
 */
@Singleton
class SignIns {

    /** What the audit trail keeps of a sign-in: never the token, nor the session id. */
    record SignedInDetail(String role, Instant expiresAt) {
    }

    private final WebSessions sessions;
    private final AuditLog audit;
    private final TransactionOperations<Connection> transactions;

    SignIns(WebSessions sessions, AuditLog audit, TransactionOperations<Connection> transactions) {
        this.sessions = sessions;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** @throws org.opengovinfo.service.system.ProblemException if the token is not a live one */
    WebSessions.SignedIn signIn(@Nullable String token) {
        return transactions.executeWrite(status -> {
            WebSessions.SignedIn in = sessions.signIn(token);
            audit.recordBy(in.principal().name(), "web.signed_in", in.principal().scope(), null,
                    new SignedInDetail(in.principal().role().name().toLowerCase(java.util.Locale.ROOT), in.expiresAt()));
            return in;
        });
    }
}
