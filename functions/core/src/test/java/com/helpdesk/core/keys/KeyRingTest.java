package com.helpdesk.core.keys;

import com.helpdesk.core.csat.CsatToken;
import com.helpdesk.core.email.ReplyAddress;
import com.helpdesk.core.port.KeyRingSource;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rotation with a grace period, seen through the two tokens that leave the system: survey links and reply addresses. */
class KeyRingTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final SigningKey K1 = SigningKey.ofText("k1", "first-key-0123456789abcdef0123456789");
    private static final SigningKey K2 = SigningKey.ofText("k2", "second-key-0123456789abcdef012345678");
    private static final String SUPPORT = "support@help.example.com";
    private static final CsatToken.Claims CLAIMS = new CsatToken.Claims("01TICKET", T0, T0.plus(Duration.ofDays(7)));

    private final AtomicReference<KeyRing> stored = new AtomicReference<>(KeyRing.of(K1));
    private final MovableClock clock = new MovableClock(T0);
    private final KeyRingSource source = stored::get;

    @Test
    void rotationKeepsTheOldKeyValidForTheGraceAndNotAfter() {
        CsatToken csat = new CsatToken(source, clock);
        ReplyAddress replies = new ReplyAddress(source, clock, SUPPORT);
        String link = csat.sign(CLAIMS);
        String address = replies.forTicket(1042);
        assertThat(link).startsWith("k1.");
        assertThat(address).startsWith("support+1042-k1-");

        stored.set(stored.get().rotatedTo(K2, Duration.ofHours(72), clock.instant()));
        assertThat(csat.sign(CLAIMS)).as("signing always uses the current key").startsWith("k2.");
        assertThat(replies.forTicket(1042)).startsWith("support+1042-k2-");

        clock.set(T0.plus(Duration.ofHours(72)).minusSeconds(1));
        assertThat(csat.verify(link)).isEqualTo(CLAIMS);
        assertThat(replies.ticketNumber(address)).hasValue(1042);

        clock.set(T0.plus(Duration.ofHours(72)));
        assertThatThrownBy(() -> csat.verify(link)).isInstanceOf(CsatToken.Forged.class);
        assertThat(replies.ticketNumber(address)).isEmpty();
        assertThat(csat.verify(csat.sign(CLAIMS))).as("the new key's tokens").isEqualTo(CLAIMS);
        assertThat(replies.ticketNumber(replies.forTicket(1042))).hasValue(1042);
    }

    @Test
    void aZeroGraceDropsTheOldKeyAtOnce() {
        CsatToken csat = new CsatToken(source, clock);
        String link = csat.sign(CLAIMS);
        stored.set(stored.get().rotatedTo(K2, Duration.ZERO, clock.instant()));
        assertThat(stored.get().previous()).isEmpty();
        assertThatThrownBy(() -> csat.verify(link)).isInstanceOf(CsatToken.Forged.class);
    }

    @Test
    void anUnknownKeyIdOrATamperedTokenIsRefused() {
        CsatToken csat = new CsatToken(source, clock);
        ReplyAddress replies = new ReplyAddress(source, clock, SUPPORT);
        String link = csat.sign(CLAIMS);
        assertThatThrownBy(() -> csat.verify("k9" + link.substring(2))).as("unknown key id").isInstanceOf(CsatToken.Forged.class);
        assertThatThrownBy(() -> csat.verify("K1" + link.substring(2))).as("not an id").isInstanceOf(CsatToken.Forged.class);
        assertThatThrownBy(() -> csat.verify("x." + link)).as("four parts").isInstanceOf(CsatToken.Forged.class);
        String[] parts = link.split("\\.");
        String otherPayload = Base64.getUrlEncoder().withoutPadding().encodeToString("01OTHER|0|99999999999".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> csat.verify(parts[0] + "." + otherPayload + "." + parts[2])).as("payload swapped").isInstanceOf(CsatToken.Forged.class);

        String address = replies.forTicket(1042);
        assertThat(replies.ticketNumber(address.replace("-k1-", "-k9-"))).as("unknown key id").isEmpty();
        assertThat(replies.ticketNumber(address.replace("+1042-", "+1043-"))).as("moved to another ticket").isEmpty();

        // a key id the ring once had, moved onto a token of the current key, does not verify either
        stored.set(stored.get().rotatedTo(K2, Duration.ofHours(1), clock.instant()));
        String fresh = csat.sign(CLAIMS);
        assertThatThrownBy(() -> csat.verify("k1" + fresh.substring(2))).isInstanceOf(CsatToken.Forged.class);
    }

    @Test
    void tokensFromBeforeKeyIdsVerifyWithTheLegacyKeyUntilItsGraceEnds() throws Exception {
        byte[] legacy = "legacy-table-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
        String oldLink = legacyLink(legacy, "01TICKET|" + T0.toEpochMilli() + "|" + T0.plus(Duration.ofDays(7)).getEpochSecond());
        String oldAddress = "support+1042-" + HexFormat.of().formatHex(hmac(legacy, "reply-address|1042")).substring(0, 20) + "@help.example.com";
        KeyRingSource withLegacy = new LegacyKeyFallback(source, () -> Optional.of(legacy));
        CsatToken csat = new CsatToken(withLegacy, clock);
        ReplyAddress replies = new ReplyAddress(withLegacy, clock, SUPPORT);
        assertThat(csat.verify(oldLink)).isEqualTo(CLAIMS);
        assertThat(replies.ticketNumber(oldAddress)).hasValue(1042);

        // the first rotation moves the table's key into the ring with the same grace (what the ops tool does)
        stored.set(stored.get().rotatedTo(K2, Duration.ofDays(30), clock.instant())
                .withRetired(new KeyRing.Retired(new SigningKey(SigningKey.LEGACY_ID, legacy), T0.plus(Duration.ofDays(30)))));
        KeyRingSource afterMove = new LegacyKeyFallback(source, Optional::empty); // the table item is gone
        clock.set(T0.plus(Duration.ofDays(29)));
        assertThat(new CsatToken(afterMove, clock).verify(oldLink)).isEqualTo(CLAIMS);
        assertThat(new ReplyAddress(afterMove, clock, SUPPORT).ticketNumber(oldAddress)).hasValue(1042);
        clock.set(T0.plus(Duration.ofDays(30)));
        assertThatThrownBy(() -> new CsatToken(withLegacy, clock).verify(oldLink))
                .as("the ring decides once it holds the legacy key, even where the table still has it").isInstanceOf(CsatToken.Forged.class);
        assertThat(new ReplyAddress(withLegacy, clock, SUPPORT).ticketNumber(oldAddress)).isEmpty();
    }

    @Test
    void withoutALegacyKeyTokensWithoutAnIdAreRefused() throws Exception {
        byte[] legacy = "legacy-table-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
        CsatToken csat = new CsatToken(new LegacyKeyFallback(source, Optional::empty), clock);
        assertThatThrownBy(() -> csat.verify(legacyLink(legacy, "01TICKET|0|1"))).isInstanceOf(CsatToken.Forged.class);
    }

    @Test
    void aRotationKeepsStillValidKeysWithTheirDeadlinesAndDropsExpiredOnes() {
        KeyRing ring = KeyRing.of(K1).rotatedTo(K2, Duration.ofHours(2), T0);
        SigningKey k3 = SigningKey.ofText("k3", "third-key-0123456789abcdef0123456789");
        KeyRing next = ring.rotatedTo(k3, Duration.ofHours(5), T0.plus(Duration.ofHours(1)));
        assertThat(next.current()).isEqualTo(k3);
        assertThat(next.previous()).containsExactly(new KeyRing.Retired(K2, T0.plus(Duration.ofHours(6))), new KeyRing.Retired(K1, T0.plus(Duration.ofHours(2))));
        SigningKey k4 = SigningKey.ofText("k4", "fourth-key-0123456789abcdef012345678");
        assertThat(next.rotatedTo(k4, Duration.ofHours(1), T0.plus(Duration.ofHours(3))).ids()).containsExactlyInAnyOrder("k4", "k3", "k2");
        assertThatThrownBy(() -> next.rotatedTo(K1, Duration.ZERO, T0)).hasMessageContaining("already in the ring");
        assertThatThrownBy(() -> ring.rotatedTo(k3, Duration.ofHours(-1), T0)).hasMessageContaining("negative");
    }

    @Test
    void keysAreCheckedAndNeverPrinted() {
        assertThatThrownBy(() -> SigningKey.ofText("k1", "short")).hasMessageContaining("shorter than 32 bytes");
        assertThatThrownBy(() -> SigningKey.ofText("K-1", "x".repeat(32))).hasMessageContaining("1 to 8 of a-z 0-9");
        assertThat(K1.toString()).doesNotContain("first-key");
        SigningKey generated = SigningKey.generate(Set.of("k1"), new SecureRandom());
        assertThat(generated.id()).matches("k[a-z0-9]{5}");
        assertThat(generated.text()).matches("[A-Za-z0-9]{64}");
        assertThatThrownBy(() -> new KeyRing(K1, List.of(new KeyRing.Retired(K1, T0)))).hasMessageContaining("twice");
    }

    @Test
    void aCachedRingIsReadOncePerTtlAndAtOnceForAnUnknownKeyButNotMoreOftenThanTheMinimum() {
        int[] reads = {0};
        CachedKeyRing cached = new CachedKeyRing(() -> {
            reads[0]++;
            return stored.get();
        }, clock, Duration.ofMinutes(5), Duration.ofSeconds(10));
        CsatToken verifier = new CsatToken(cached, clock);
        CsatToken signer = new CsatToken(source, clock); // another instance, which reads the secret afresh
        String link = signer.sign(CLAIMS);
        assertThat(verifier.verify(link)).isEqualTo(CLAIMS);
        assertThat(verifier.verify(link)).isEqualTo(CLAIMS);
        assertThat(reads[0]).isEqualTo(1);

        clock.set(T0.plusSeconds(20));
        stored.set(stored.get().rotatedTo(K2, Duration.ofHours(1), clock.instant()));
        assertThat(verifier.verify(signer.sign(CLAIMS))).as("a key newer than the cache reads again").isEqualTo(CLAIMS);
        assertThat(reads[0]).isEqualTo(2);
        assertThatThrownBy(() -> verifier.verify("k7" + link.substring(2))).isInstanceOf(CsatToken.Forged.class);
        assertThat(reads[0]).as("no second read within the minimum interval").isEqualTo(2);
        clock.set(T0.plus(Duration.ofMinutes(6)));
        cached.ring();
        assertThat(reads[0]).as("the TTL passed").isEqualTo(3);
    }

    private static String legacyLink(byte[] key, String payload) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        byte[] p = payload.getBytes(StandardCharsets.UTF_8);
        return b64.encodeToString(p) + "." + b64.encodeToString(hmac(key, payload));
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant t) {
            now = t;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
