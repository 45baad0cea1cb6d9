package com.helpdesk.core.chat;

import com.helpdesk.core.NotFoundException;
import com.helpdesk.core.ValidationException;
import com.helpdesk.core.ValidationException.FieldError;
import com.helpdesk.core.port.ChannelRepository;
import com.helpdesk.core.port.SecretStore;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Admins configure chat channels: the kind, its outbound settings and its secrets. Secrets go to the
 * secret store under {@code <prefix>/channels/<id>/<name>} and are never handed back; changing a
 * channel without secrets keeps the ones it has.
 */
public final class ChannelService {
    private static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");
    private static final int MAX_SETTING = 2048;

    private final ChannelRepository channels;
    private final SecretStore secrets;
    private final String prefix;
    private final Clock clock;

    public ChannelService(ChannelRepository channels, SecretStore secrets, String prefix, Clock clock) {
        this.channels = channels;
        this.secrets = secrets;
        this.prefix = prefix.replaceAll("/+$", "");
        this.clock = clock;
    }

    public String secretName(String channelId, String secret) {
        return prefix + "/channels/" + channelId + "/" + secret;
    }

    /** Creates or replaces a channel; answers the channel and whether it is new. */
    public Map.Entry<ChatChannel, Boolean> put(String id, String kindName, String name, Map<String, String> settings,
                                               Map<String, String> secretValues) {
        List<FieldError> errors = new ArrayList<>();
        if (id == null || !ID.matcher(id).matches()) errors.add(new FieldError("channelId", "lower-case letters, digits and '-', at most 63"));
        ChatKind kind = null;
        try {
            kind = ChatKind.parse(kindName);
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        Map<String, String> s = settings == null ? Map.of() : settings;
        Map<String, String> given = secretValues == null ? Map.of() : secretValues;
        Optional<ChatChannel> existing = errors.isEmpty() ? channels.find(id) : Optional.empty();
        if (kind != null) {
            for (String required : kind.requiredSettings()) {
                if (blank(s.get(required))) errors.add(new FieldError("settings." + required, "is required for " + kind.wire()));
            }
            for (Map.Entry<String, String> e : s.entrySet()) {
                if (e.getValue() == null || e.getValue().length() > MAX_SETTING) errors.add(new FieldError("settings." + e.getKey(), "must be a string of at most " + MAX_SETTING));
            }
            if (s.containsKey("callbackUrl") && !blank(s.get("callbackUrl")) && !isHttpUrl(s.get("callbackUrl"))) {
                errors.add(new FieldError("settings.callbackUrl", "must be an http(s) URL"));
            }
            for (String key : given.keySet()) {
                if (!kind.secrets().contains(key)) errors.add(new FieldError("secrets." + key, kind.wire() + " takes the secrets " + kind.secrets()));
            }
            boolean sameKind = existing.isPresent() && existing.get().kind() == kind;
            for (String required : kind.secrets()) {
                if (blank(given.get(required)) && !sameKind) errors.add(new FieldError("secrets." + required, "is required for " + kind.wire()));
            }
        }
        if (!errors.isEmpty()) throw new ValidationException(errors);
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (!blank(e.getValue())) secrets.put(secretName(id, e.getKey()), e.getValue());
        }
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        ChatChannel channel = new ChatChannel(id, kind, blank(name) ? id : name.strip(), new LinkedHashMap<>(s),
                existing.map(ChatChannel::createdAt).orElse(now), now);
        channels.save(channel);
        if (existing.isPresent() && existing.get().kind() != kind) {
            for (String old : existing.get().kind().secrets()) if (!kind.secrets().contains(old)) secrets.delete(secretName(id, old));
        }
        return Map.entry(channel, existing.isEmpty());
    }

    public ChatChannel get(String id) {
        return channels.find(id).orElseThrow(() -> new NotFoundException("no chat channel " + id));
    }

    public Optional<ChatChannel> find(String id) {
        return id == null || !ID.matcher(id).matches() ? Optional.empty() : channels.find(id);
    }

    public List<ChatChannel> list() {
        return channels.list();
    }

    public void delete(String id) {
        ChatChannel c = get(id);
        channels.delete(id);
        for (String s : c.kind().secrets()) secrets.delete(secretName(id, s));
    }

    /** A secret of a channel, for the functions that verify and send (through a caching store). */
    public String secret(ChatChannel channel, String name) {
        return secrets.get(secretName(channel.id(), name))
                .orElseThrow(() -> new IllegalStateException("channel " + channel.id() + " lacks its secret " + name));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean isHttpUrl(String s) {
        try {
            URI u = URI.create(s);
            return ("https".equals(u.getScheme()) || "http".equals(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
