package io.reservations.api;

import io.reservations.topics.Json;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API writes entities as the topics do: a reservation without a hold has no {@code hold_expires_at}. */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer contractViews() {
        return Json::views;
    }
}
