package com.helpdesk.secrets;

import com.helpdesk.core.port.SecretStore;
import com.helpdesk.runtime.AwsClients;
import com.helpdesk.runtime.Lazy;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Secrets as SSM Parameter Store SecureStrings (encrypted with the account's SSM key), read with
 * decryption and cached for a few minutes per execution environment, so a webhook burst costs one
 * read; a rotated secret is picked up when the cache entry expires (or at once after a put here).
 */
public final class SsmSecretStore implements SecretStore {
    static final Duration TTL = Duration.ofMinutes(5);

    private record Cached(Optional<String> value, Instant until) {}

    private final Supplier<SsmClient> ssm;
    private final Clock clock;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    public SsmSecretStore(SsmClient ssm, Clock clock) {
        this(() -> ssm, clock);
    }

    private SsmSecretStore(Supplier<SsmClient> ssm, Clock clock) {
        this.ssm = ssm;
        this.clock = clock;
    }

    /**
     * With a client built the functions' way (its endpoint from AWS_ENDPOINT_URL_SSM) on the first read or write:
     * a cold start whose request needs no secret does not build it.
     *
     * @param clock the cache's clock: real time, not a business clock the local stack moves
     */
    public static SsmSecretStore using(AwsClients aws, Clock clock) {
        return new SsmSecretStore(Lazy.of(() -> aws.build(SsmClient.builder(), "SSM")), clock);
    }

    @Override
    public void put(String name, String value) {
        ssm.get().putParameter(b -> b.name(name).value(value).type(ParameterType.SECURE_STRING).overwrite(true));
        cache.put(name, new Cached(Optional.of(value), clock.instant().plus(TTL)));
    }

    @Override
    public Optional<String> get(String name) {
        Cached c = cache.get(name);
        if (c != null && c.until().isAfter(clock.instant())) return c.value();
        Optional<String> value;
        try {
            value = Optional.of(ssm.get().getParameter(b -> b.name(name).withDecryption(true)).parameter().value());
        } catch (ParameterNotFoundException e) {
            value = Optional.empty();
        }
        cache.put(name, new Cached(value, clock.instant().plus(TTL)));
        return value;
    }

    @Override
    public void delete(String name) {
        try {
            ssm.get().deleteParameter(b -> b.name(name));
        } catch (ParameterNotFoundException alreadyGone) {
            // deleting is idempotent
        }
        cache.remove(name);
    }
}
