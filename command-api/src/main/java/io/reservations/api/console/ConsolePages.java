package io.reservations.api.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** The console's two HTML pages, read once from the jar; the sign-in page's message is the one thing filled in. */
@Component
public class ConsolePages {

    private final String console = read("console/index.html");
    private final String signIn = read("console/sign-in.html");

    String console() {
        return console;
    }

    String signIn(final String message) {
        return signIn.replace("{{message}}", HtmlUtils.htmlEscape(message));
    }

    private static String read(final String resource) {
        try (InputStream in = ConsolePages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
