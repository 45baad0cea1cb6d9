package com.helpdesk.secrets;

import com.helpdesk.core.port.SecretStore;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secrets as SSM Parameter Store SecureStrings (encrypted with the account's SSM key), read with
 * decryption and cached for a few minutes per execution environment, so a webhook burst costs one
 * read; a rotated secret is picked up when the cache entry expires (or at once after a put here).
 */
public final class SsmSecretStore implements SecretStore {
    static final Duration TTL = Duration.ofMinutes(5);

    private record Cached(Optional<String> value, Instant until) {}

    private final SsmClient ssm;
    private final Clock clock;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    public SsmSecretStore(SsmClient ssm, Clock clock) {
        this.ssm = ssm;
        this.clock = clock;
    }

    @Override
    public void put(String name, String value) {
        ssm.putParameter(b -> b.name(name).value(value).type(ParameterType.SECURE_STRING).overwrite(true));
        cache.put(name, new Cached(Optional.of(value), clock.instant().plus(TTL)));
    }

    @Override
    public Optional<String> get(String name) {
        Cached c = cache.get(name);
        if (c != null && c.until().isAfter(clock.instant())) return c.value();
        Optional<String> value;
        try {
            value = Optional.of(ssm.getParameter(b -> b.name(name).withDecryption(true)).parameter().value());
        } catch (ParameterNotFoundException e) {
            value = Optional.empty();
        }
        cache.put(name, new Cached(value, clock.instant().plus(TTL)));
        return value;
    }

    @Override
    public void delete(String name) {
        try {
            ssm.deleteParameter(b -> b.name(name));
        } catch (ParameterNotFoundException alreadyGone) {
            // deleting is idempotent
        }
        cache.remove(name);
    }
}
