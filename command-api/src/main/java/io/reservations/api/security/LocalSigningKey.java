package io.reservations.api.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
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
import java.util.Set;

/**
 * The RSA key pair the local service signs and checks tokens with: created once under the data directory, so
 * tokens stay valid across restarts and instances sharing the directory accept each other's tokens.
 */
public record LocalSigningKey(RSAPublicKey publicKey, RSAPrivateKey privateKey) {

    private static final String PRIVATE = "jwt-private.pem";
    static final String PUBLIC = "jwt-public.pem";

    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    public static synchronized LocalSigningKey loadOrCreate(final Path directory) {
        try {
            if (!Files.isDirectory(directory)) {
                // owner-only from the start: there is no moment at which another user could list or open it
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
            }
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
                write(privateFile, "PRIVATE KEY", pair.getPrivate().getEncoded(), OWNER_ONLY_FILE);
                write(publicFile, "PUBLIC KEY", pair.getPublic().getEncoded(), PosixFilePermissions.fromString("rw-r--r--"));
            }
            refuseIfOthersCanRead(privateFile);
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

    /** A private key that group or others may read is no secret any more: the service refuses to use it. */
    static void refuseIfOthersCanRead(final Path privateKey) throws IOException {
        final Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(privateKey);
        if (!OWNER_ONLY_FILE.containsAll(permissions)) {
            throw new IllegalStateException("The token signing key " + privateKey + " is "
                    + PosixFilePermissions.toString(permissions) + ": others may read it. Make it rw------- (chmod 600) "
                    + "or delete it to have a new one created");
        }
    }

    /** Writes a file that exists with {@code permissions} from its creation on. */
    public static void writeFile(final Path file, final byte[] content, final Set<PosixFilePermission> permissions)
            throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(permissions))) {
            channel.write(ByteBuffer.wrap(content));
        }
    }

    private static void write(final Path file, final String type, final byte[] der,
                              final Set<PosixFilePermission> permissions) throws IOException {
        final String pem = "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
        writeFile(file, pem.getBytes(StandardCharsets.US_ASCII), permissions);
    }

    private static byte[] read(final Path file) throws IOException {
        final String pem = Files.readString(file, StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(pem);
    }
}
