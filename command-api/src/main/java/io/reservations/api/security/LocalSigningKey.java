package io.reservations.api.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The RSA key pair the local service signs and checks tokens with: created once under the data directory, so
 * tokens stay valid across restarts and instances sharing the directory accept each other's tokens.
 */
public record LocalSigningKey(RSAPublicKey publicKey, RSAPrivateKey privateKey) {

    private static final String PRIVATE = "jwt-private.pem";
    private static final String PUBLIC = "jwt-public.pem";

    public static synchronized LocalSigningKey loadOrCreate(final Path directory) {
        try {
            Files.createDirectories(directory);
            // instances sharing the directory may start together: one creates the pair, the others read it
            try (FileChannel lockFile = FileChannel.open(directory.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
                return loadOrCreateLocked(directory);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("Cannot keep the token signing key in " + directory, e);
        }
    }

    private static LocalSigningKey loadOrCreateLocked(final Path directory) {
        try {
            final Path privateFile = directory.resolve(PRIVATE);
            final Path publicFile = directory.resolve(PUBLIC);
            if (!Files.exists(privateFile)) {
                final KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                final KeyPair pair = generator.generateKeyPair();
                write(privateFile, "PRIVATE KEY", pair.getPrivate().getEncoded());
                write(publicFile, "PUBLIC KEY", pair.getPublic().getEncoded());
                try {
                    Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
                } catch (final UnsupportedOperationException notPosix) {
                    // best effort on file systems without POSIX permissions
                }
            }
            final KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new LocalSigningKey(
                    (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(read(publicFile))),
                    (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(read(privateFile))));
        } catch (final IOException e) {
            throw new UncheckedIOException("Cannot keep the token signing key in " + directory, e);
        } catch (final GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the token signing key in " + directory, e);
        }
    }

    /** Reads an RSA public key in PEM (X.509 SubjectPublicKeyInfo), as identity providers publish them. */
    public static RSAPublicKey readPublicKey(final Path file) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(read(file)));
        } catch (final IOException e) {
            throw new UncheckedIOException("Cannot read the public key " + file, e);
        } catch (final GeneralSecurityException e) {
            throw new IllegalStateException("Not an RSA public key: " + file, e);
        }
    }

    private static void write(final Path file, final String type, final byte[] der) throws IOException {
        final String pem = "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
    }

    private static byte[] read(final Path file) throws IOException {
        final String pem = Files.readString(file, StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(pem);
    }
}
