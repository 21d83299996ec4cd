package io.reservations.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSigningKeyTest {

    @Test
    void shouldCreateAnOwnerOnlyDirectoryAndPrivateKey(@TempDir final Path data) throws Exception {
        final Path keys = data.resolve("jwt");

        LocalSigningKey.loadOrCreate(keys);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("jwt-private.pem"))))
                .isEqualTo("rw-------");
        assertThat(LocalSigningKey.loadOrCreate(keys).publicKey())
                .as("the same key on the next start").isEqualTo(LocalSigningKey.loadOrCreate(keys).publicKey());
    }

    @Test
    void shouldRefuseAPrivateKeyOthersCanRead(@TempDir final Path data) throws Exception {
        final Path keys = data.resolve("jwt");
        LocalSigningKey.loadOrCreate(keys);
        Files.setPosixFilePermissions(keys.resolve("jwt-private.pem"), PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> LocalSigningKey.loadOrCreate(keys))
                .hasMessageContaining("others may read it");
    }
}
