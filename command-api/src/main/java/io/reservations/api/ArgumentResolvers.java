package io.reservations.api;

import io.reservations.api.commands.CommandRequestResolver;
import io.reservations.api.query.ReadRequestResolver;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets controllers take a {@code CommandRequest} (command POSTs) or a {@code ReadRequest} (reads) parameter. */
@Configuration(proxyBeanMethods = false)
class ArgumentResolvers implements WebMvcConfigurer {

    private final ReservationsProperties properties;

    ArgumentResolvers(final ReservationsProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addArgumentResolvers(final List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CommandRequestResolver(properties.api()));
        resolvers.add(new ReadRequestResolver());
    }
}
