package org.opengovinfo.service.access;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PostConstruct;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first administrator. With {@code ADMIN_TOKEN} set, that token is the administrator's. Without it, the
 * embedded default creates one token on first start and writes it to {@code DATA_DIR/admin-token}, readable only
 * by the service's user, and says where — never the token itself — in the log. {@code PRODUCTION=true} refuses to
 * start without {@code ADMIN_TOKEN}.
 */
@Context
class AdminBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private final TokenStore tokens;
    private final TransactionOperations<Connection> transactions;
    private final String adminToken;
    private final boolean production;
    private final Path dataDir;

    AdminBootstrap(TokenStore tokens, TransactionOperations<Connection> transactions, @Value("${reports.admin-token:}") String adminToken,
                   @Value("${reports.production:false}") boolean production, @Value("${reports.data-dir:data}") String dataDir) {
        this.tokens = tokens;
        this.transactions = transactions;
        this.adminToken = adminToken;
        this.production = production;
        this.dataDir = Path.of(dataDir);
    }

    @PostConstruct
    void bootstrap() {
        if (!adminToken.isBlank()) {
            if (!adminToken.startsWith(TokenStore.PREFIX) || adminToken.length() < TokenStore.PREFIX.length() + 32) {
                throw new IllegalStateException("ADMIN_TOKEN must start with " + TokenStore.PREFIX
                        + " followed by at least 32 random characters");
            }
            return;
        }
        if (production) {
            throw new IllegalStateException("PRODUCTION=true: refusing to start without ADMIN_TOKEN (an administrator "
                    + "token, '" + TokenStore.PREFIX + "' followed by at least 32 random characters)");
        }
        if (transactions.executeRead(status -> tokens.isEmpty())) {
            transactions.executeWrite(status -> {
                createFirstToken();
                return null;
            });
        }
    }

    private void createFirstToken() {
        String secret = TokenStore.newSecret();
        Path file = dataDir.resolve("admin-token").toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, secret + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the first administrator token to " + file, e);
        }
        tokens.insert(tokens.newToken("admin", Role.ADMINISTRATOR, null, "bootstrap", null), secret);
        LOG.warn("Created the first administrator token and wrote it to {} (readable only by this user). "
                + "Use it as 'Authorization: Bearer <token>', create named tokens with it, then delete the file.", file);
    }
}
