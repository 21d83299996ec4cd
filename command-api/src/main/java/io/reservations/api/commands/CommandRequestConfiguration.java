package io.reservations.api.commands;

import io.reservations.api.ReservationsProperties;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets controllers take a {@link CommandRequest} parameter. */
@Configuration(proxyBeanMethods = false)
class CommandRequestConfiguration implements WebMvcConfigurer {

    private final ReservationsProperties properties;

    CommandRequestConfiguration(final ReservationsProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addArgumentResolvers(final List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CommandRequestResolver(properties.api()));
    }
}
