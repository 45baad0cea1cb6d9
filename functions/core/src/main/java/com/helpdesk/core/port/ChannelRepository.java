package com.helpdesk.core.port;

import com.helpdesk.core.chat.ChatChannel;

import java.util.List;
import java.util.Optional;

/** Where chat channels are configured (the table). */
public interface ChannelRepository {
    Optional<ChatChannel> find(String id);

    List<ChatChannel> list();

    void save(ChatChannel channel);

    /** @return whether there was such a channel */
    boolean delete(String id);
}
