package com.helpdesk.core.port;

import java.util.Optional;

/** Secrets (SSM Parameter Store SecureStrings): written by admins, read by the functions that need them. */
public interface SecretStore {
    void put(String name, String value);

    Optional<String> get(String name);

    void delete(String name);
}
