package com.helpdesk.core.agents;

import com.helpdesk.core.NotFoundException;
import com.helpdesk.core.ValidationException;
import com.helpdesk.core.ValidationException.FieldError;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** The agents API's commands: admins keep the team, an agent says whether they take tickets now. */
public final class Agents {
    private final AgentDirectory directory;

    public Agents(AgentDirectory directory) {
        this.directory = Objects.requireNonNull(directory);
    }

    public Agent get(String id) {
        checkId(id);
        return directory.find(id).orElseThrow(() -> new NotFoundException("no agent '" + id + "'"));
    }

    public List<Agent> list() {
        return directory.list().stream().sorted(Comparator.comparing(Agent::id)).toList();
    }

    public Agent put(AgentProfile profile) {
        return directory.save(profile);
    }

    public void delete(String id) {
        checkId(id);
        if (!directory.delete(id)) throw new NotFoundException("no agent '" + id + "'");
    }

    /** The signed-in agent's availability; an agent an admin has not set up yet is not found (no self sign-up). */
    public Agent setAvailable(String id, Boolean available) {
        if (available == null) throw new ValidationException("available", "is required (true or false)");
        return directory.setAvailable(id, available).orElseThrow(() -> new NotFoundException(
                "no agent '" + id + "': an admin adds you first (PUT /agents/{id})"));
    }

    private static void checkId(String id) {
        List<FieldError> errors = new ArrayList<>();
        AgentProfile.checkId(id, errors);
        if (!errors.isEmpty()) throw new ValidationException(errors);
    }
}
