package com.helpdesk.ops;

import com.helpdesk.core.keys.KeyRing;
import com.helpdesk.core.keys.SigningKey;
import com.helpdesk.secrets.SecretsManagerKeyRings;
import com.helpdesk.store.LegacyTableKey;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code keys rotate <cursor|csat|reply>}: a new current key in the kind's Secrets Manager secret, the
 * old one kept valid for the grace period. The functions pick the new ring up within their cache's
 * five minutes (at once where a token names the new key). The first rotation of a stack upgraded
 * from table-kept keys also moves the table's key into the ring under {@link SigningKey#LEGACY_ID}
 * with the same deadline, then deletes the table item, so links sent before the upgrade end with the grace.
 */
final class KeyRotation {
    /** Longer than the functions' key cache, so a warm function still signing with the old key is not refused. */
    static final Duration MIN_GRACE = Duration.ofMinutes(10);

    enum Kind {
        /** Cursors live as long as one listing. */
        CURSOR("CursorSigningKeys", LegacyTableKey.CURSOR, Duration.ofHours(72), false),
        /** A survey link answers for up to CsatWindowDays (at most 60). */
        CSAT("CsatSigningKeys", LegacyTableKey.CSAT, Duration.ofDays(60), true),
        /** Reply addresses sit in customers' mailboxes; past the grace, mail to one threads by its headers or subject token. */
        REPLY("ReplyAddressSigningKeys", LegacyTableKey.REPLY_ADDRESS, Duration.ofDays(90), true);

        final String secretLogicalId;
        final String legacyItem;
        final Duration defaultGrace;
        /** Whether tokens from before key ids (no id) can still be around and verify with the table's key. */
        final boolean hasLegacyTokens;

        Kind(String secretLogicalId, String legacyItem, Duration defaultGrace, boolean hasLegacyTokens) {
            this.secretLogicalId = secretLogicalId;
            this.legacyItem = legacyItem;
            this.defaultGrace = defaultGrace;
            this.hasLegacyTokens = hasLegacyTokens;
        }

        static Kind parse(String word) {
            try {
                return valueOf(word.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UsageException("keys rotate takes cursor, csat or reply, not \"" + word + "\"");
            }
        }

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    record Result(KeyRing before, KeyRing after, boolean legacyMoved) {}

    private final SecretsManagerKeyRings rings;
    private final SecureRandom random;

    KeyRotation(SecretsManagerKeyRings rings, SecureRandom random) {
        this.rings = rings;
        this.random = random;
    }

    /** @param grace zero drops the old key at once (a leaked key); otherwise at least {@link #MIN_GRACE} */
    static Duration checkGrace(Duration grace) {
        if (grace.isNegative()) throw new UsageException("--grace cannot be negative: " + grace);
        if (!grace.isZero() && grace.compareTo(MIN_GRACE) < 0) {
            throw new UsageException("--grace must be PT0S (a leaked key: refuse the old one now) or at least " + MIN_GRACE
                    + ", longer than the functions' 5-minute key cache, not " + grace);
        }
        return grace;
    }

    Result rotate(Kind kind, String secretId, LegacyTableKey legacyTable, Duration grace, Instant now) {
        KeyRing before = rings.read(secretId);
        Set<String> taken = new HashSet<>(before.ids());
        taken.add(SigningKey.LEGACY_ID);
        KeyRing after = before.rotatedTo(SigningKey.generate(taken, random), grace, now);
        Optional<byte[]> legacy = kind.hasLegacyTokens && !before.knows(SigningKey.LEGACY_ID) ? legacyTable.get() : Optional.empty();
        boolean moved = legacy.isPresent() && !grace.isZero();
        if (moved) after = after.withRetired(new KeyRing.Retired(new SigningKey(SigningKey.LEGACY_ID, legacy.get()), now.plus(grace)));
        rings.write(secretId, after);
        // only once the ring holds it (or its tokens are refused anyway): the table's key is gone for good
        legacyTable.delete();
        return new Result(before, after, moved);
    }
}
