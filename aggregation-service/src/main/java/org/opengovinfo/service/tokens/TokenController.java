package org.opengovinfo.service.tokens;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.opengovinfo.service.system.Problem;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.opengovinfo.service.access.Access;
import org.opengovinfo.service.access.Permission;
import org.opengovinfo.service.system.Bodies;

/**
 * Tokens: issued, listed and revoked within the caller's subtree. A token acts on its unit's subtree in every year
 * a request names, so the caller's subtree must hold that unit in every year it is in force.
 */
@Tag(name = "tokens")
@ApiResponse(responseCode = "4XX", description = "Refused: a problem with a stable code (see the Problem schema)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@Controller("/api/v1")
class TokenController {

    private final Tokens tokens;

    TokenController(Tokens tokens) {
        this.tokens = tokens;
    }

    /** A token request: whom it is for, the role, the unit whose subtree it covers (none: everything), expiry. */
    @Serdeable
    record TokenRequest(@Nullable String principal, @Nullable String role, @Nullable String scope,
                        @Nullable String expiresAt) {
    }

    /** A token as listed; {@code token}, the secret, appears only in the answer that creates it. */
    @Serdeable
    record TokenView(String id, String principal, String role, @Nullable String scope, Instant createdAt,
                     String createdBy, @Nullable Instant expiresAt, @Nullable Instant revokedAt, @Nullable String token) {
    }

    @ApiResponse(responseCode = "201", description = "Issued; the secret is in this answer only",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenView.class)))
    @ApiResponse(responseCode = "422", description = "Invalid principal, role, scope or expiry (token.*)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Operation(operationId = "createToken", summary = "Issue a token; the secret is shown in this answer only")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TokenRequest.class)))
    @Post(uri = "/tokens", consumes = MediaType.APPLICATION_JSON)
    @Access(Permission.MANAGE_TOKENS)
    @Transactional
    HttpResponse<TokenView> create(@Body String body) {
        TokenView created = tokens.create(Bodies.read(body, TokenRequest.class, Tokens::mismatch));
        return HttpResponse.created(created, URI.create("/api/v1/tokens/" + created.id()));
    }

    @Operation(operationId = "listTokens", summary = "The tokens within the caller's subtree, without their secrets")
    @Get("/tokens")
    @Access(Permission.MANAGE_TOKENS)
    @Transactional(readOnly = true)
    List<TokenView> list() {
        return tokens.list();
    }

    @ApiResponse(responseCode = "204", description = "Revoked")
    @ApiResponse(responseCode = "404", description = "No such token (token.not_found)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Operation(operationId = "revokeToken", summary = "Revoke a token at once, on every instance")
    @Delete("/tokens/{tokenId}")
    @Access(Permission.MANAGE_TOKENS)
    @Transactional
    HttpResponse<Void> revoke(@PathVariable String tokenId) {
        tokens.revoke(tokenId);
        return HttpResponse.noContent();
    }
}
