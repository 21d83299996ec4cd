package io.reservations.api.security;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when no identity provider is configured, so the service signs with (and may create) its local key. */
final class LocalKeyCondition implements Condition {

    @Override
    public boolean matches(final ConditionContext context, final AnnotatedTypeMetadata metadata) {
        final String jwkSetUri = context.getEnvironment().getProperty("reservations.security.jwk-set-uri", "");
        final String publicKey = context.getEnvironment().getProperty("reservations.security.public-key-location", "");
        return jwkSetUri.isBlank() && publicKey.isBlank();
    }
}
