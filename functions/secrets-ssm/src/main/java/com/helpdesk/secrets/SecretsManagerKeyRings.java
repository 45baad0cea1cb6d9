package com.helpdesk.secrets;

import com.helpdesk.core.keys.CachedKeyRing;
import com.helpdesk.core.keys.KeyRing;
import com.helpdesk.core.port.KeyRingSource;
import com.helpdesk.runtime.AwsClients;
import com.helpdesk.runtime.Lazy;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * Key rings kept in AWS Secrets Manager, one secret per kind of token, so each function is granted
 * exactly the secrets it reads. Functions read through {@link #cached}; the ops tool reads and writes
 * uncached when it rotates ({@code helpdesk-ops keys rotate}).
 */
public final class SecretsManagerKeyRings {
    private final Supplier<SecretsManagerClient> secrets;

    public SecretsManagerKeyRings(SecretsManagerClient secrets) {
        this.secrets = () -> secrets;
    }

    private SecretsManagerKeyRings(Supplier<SecretsManagerClient> secrets) {
        this.secrets = secrets;
    }

    /**
     * With a client built the functions' way (its endpoint from AWS_ENDPOINT_URL_SECRETSMANAGER: the local stack's),
     * on the first read: a cold start that never signs or verifies a token does not build it.
     */
    public static SecretsManagerKeyRings using(AwsClients aws) {
        return new SecretsManagerKeyRings(Lazy.of(() -> aws.build(SecretsManagerClient.builder(), "SECRETSMANAGER")));
    }

    /** The ring as it is now (the current version, AWSCURRENT). */
    public KeyRing read(String secretId) {
        GetSecretValueResponse r = secrets.get().getSecretValue(b -> b.secretId(secretId));
        if (r.secretString() == null) throw new IllegalStateException("the signing key secret " + secretId + " holds no string");
        return KeyRingJson.read(secretId, r.secretString());
    }

    /** Stores the ring as the secret's new current version; the previous version stays as AWSPREVIOUS. */
    public void write(String secretId, KeyRing ring) {
        secrets.get().putSecretValue(b -> b.secretId(secretId).secretString(KeyRingJson.write(ring)));
    }

    /**
     * What a function verifies and signs with: read on first use, again every {@link CachedKeyRing#TTL}
     * and when a token names a key the cached ring lacks.
     *
     * @param realClock real time (the cache's age), not a business clock the local stack moves
     */
    public KeyRingSource cached(String secretId, Clock realClock) {
        return new CachedKeyRing(() -> read(secretId), realClock);
    }
}
