package io.reservations.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class TokenToolTest {

    @TempDir
    Path dir;

    @Test
    void shouldCreateTheKeyCopyThePublicKeyAndPrintAnAdminTokenItVerifies() throws Exception {
        final ByteArrayOutputStream output = new ByteArrayOutputStream();

        final int status = TokenTool.run(new PrintStream(output, true, StandardCharsets.UTF_8),
                "--key-dir", dir.resolve("private").toString(), "--public-copy", dir.resolve("public.pem").toString(),
                "--admin-token", "2h");

        assertThat(status).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("private/jwt-private.pem"))))
                .isEqualTo("rw-------");
        final String[] lines = output.toString(StandardCharsets.UTF_8).strip().split("\n");
        final Jwt token = NimbusJwtDecoder.withPublicKey(LocalSigningKey.readPublicKey(dir.resolve("public.pem")))
                .build().decode(lines[lines.length - 1]);
        assertThat(token.getSubject()).isEqualTo("admin");
        assertThat(token.getClaimAsStringList("roles")).containsExactly(Scopes.ADMIN_ROLE);
        assertThat(token.getExpiresAt()).isBetween(Instant.now().plus(Duration.ofMinutes(119)),
                Instant.now().plus(Duration.ofMinutes(121)));
    }

    @Test
    void shouldPrintAnOwnersTokenWithTheScopesAndRolesAsked() throws Exception {
        final ByteArrayOutputStream output = new ByteArrayOutputStream();

        final int status = TokenTool.run(new PrintStream(output, true, StandardCharsets.UTF_8),
                "--key-dir", dir.resolve("private").toString(), "--public-copy", dir.resolve("public.pem").toString(),
                "--token", "alice", "--ttl", "30m", "--roles", "service");

        assertThat(status).isZero();
        final String[] lines = output.toString(StandardCharsets.UTF_8).strip().split("\n");
        final Jwt token = NimbusJwtDecoder.withPublicKey(LocalSigningKey.readPublicKey(dir.resolve("public.pem")))
                .build().decode(lines[lines.length - 1]);
        assertThat(token.getSubject()).isEqualTo("alice");
        assertThat(token.getClaimAsString("scope")).isEqualTo(Scopes.RESERVATIONS_WRITE + " " + Scopes.READ);
        assertThat(token.getClaimAsStringList("roles")).containsExactly("service");
        assertThat(token.getExpiresAt()).isBetween(Instant.now().plus(Duration.ofMinutes(29)),
                Instant.now().plus(Duration.ofMinutes(31)));
    }

    @Test
    void shouldRefuseArgumentsItDoesNotKnowAndCreateNothing() {
        final ByteArrayOutputStream output = new ByteArrayOutputStream();

        final int status = TokenTool.run(new PrintStream(output, true, StandardCharsets.UTF_8),
                "--key-dir", dir.resolve("private").toString(), "--admin", "2h");

        assertThat(status).isEqualTo(2);
        assertThat(output.toString(StandardCharsets.UTF_8)).startsWith("usage:");
        assertThat(dir.resolve("private")).doesNotExist();
        assertThat(TokenTool.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                "--key-dir", dir.resolve("private").toString(), "--ttl", "1h")).as("--ttl without --token").isEqualTo(2);
    }
}
