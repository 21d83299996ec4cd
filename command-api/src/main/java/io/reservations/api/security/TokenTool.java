package io.reservations.api.security;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.convert.DurationStyle;

/**
 * The signing key of a cluster whose instances get its public key only (reservations.security.public-key-location,
 * issuer {@value TokenIssuer#LOCAL_ISSUER}, audience {@value TokenIssuer#LOCAL_AUDIENCE}): creates the key pair in
 * its own directory when missing, copies the public key where the instances read it, and prints an admin token,
 * or a token for one owner (by default the scopes to make and read reservations, no role).
 * <pre>
 * java -cp app.jar -Dloader.main=io.reservations.api.security.TokenTool \
 *      org.springframework.boot.loader.launch.PropertiesLauncher --key-dir DIR [--public-copy FILE] [--admin-token 8h]
 *      [--token SUBJECT [--ttl 1h] [--scopes "reservations:write read"] [--roles service]]
 * </pre>
 */
public final class TokenTool {

    private static final List<String> TOKEN_OPTIONS = List.of("--ttl", "--scopes", "--roles");
    private static final Set<String> OPTIONS = Set.of("--key-dir", "--public-copy", "--admin-token", "--token",
            "--ttl", "--scopes", "--roles");

    private TokenTool() {
    }

    public static void main(final String[] args) {
        System.exit(run(System.out, args));
    }

    /** @return the exit status: 0, or 2 when the arguments are wrong */
    public static int run(final PrintStream out, final String... args) {
        final Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        if (args.length % 2 != 0 || !options.containsKey("--key-dir") || !OPTIONS.containsAll(options.keySet())
                || !options.containsKey("--token") && TOKEN_OPTIONS.stream().anyMatch(options::containsKey)) {
            out.println("usage: --key-dir DIR [--public-copy FILE] [--admin-token DURATION]"
                    + " [--token SUBJECT [--ttl DURATION] [--scopes \"SCOPE ...\"] [--roles ROLE,...]]");
            return 2;
        }
        final Path keyDir = Path.of(options.get("--key-dir"));
        final LocalSigningKey key = LocalSigningKey.loadOrCreate(keyDir);
        if (options.containsKey("--public-copy")) {
            final Path copy = Path.of(options.get("--public-copy"));
            try {
                Files.copy(keyDir.resolve(LocalSigningKey.PUBLIC), copy, StandardCopyOption.REPLACE_EXISTING);
            } catch (final IOException e) {
                throw new UncheckedIOException("Cannot copy the public key to " + copy, e);
            }
            out.println("Public key in " + copy);
        }
        if (options.containsKey("--admin-token")) {
            final Duration ttl = DurationStyle.detectAndParse(options.get("--admin-token"));
            out.println(new TokenIssuer(key).admin(ttl));
        }
        if (options.containsKey("--token")) {
            final Duration ttl = DurationStyle.detectAndParse(options.getOrDefault("--ttl", "1h"));
            final String roles = options.getOrDefault("--roles", "");
            out.println(new TokenIssuer(key).issue(options.get("--token"),
                    options.getOrDefault("--scopes", Scopes.RESERVATIONS_WRITE + " " + Scopes.READ),
                    roles.isBlank() ? List.of() : List.of(roles.split(",")), ttl));
        }
        return 0;
    }
}
