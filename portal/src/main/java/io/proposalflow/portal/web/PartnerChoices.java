package io.proposalflow.portal.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.proposalflow.portal.backend.Dtos.Organisation;
import io.proposalflow.portal.backend.Dtos.Proposal;

/**
 * The organisations the draft form offers as partners: the partner directory, plus the partners a proposal
 * already names (so editing never drops one that has since left the directory). Without the directory
 * (notification-service not reachable) there is nothing to choose from, and the form asks for id and name.
 */
public final class PartnerChoices {

    private final Map<String, String> namesById;
    private final boolean available;

    private PartnerChoices(Map<String, String> namesById, boolean available) {
        this.namesById = namesById;
        this.available = available;
    }

    static PartnerChoices of(List<Organisation> directory, Proposal existing) {
        Map<String, String> names = new LinkedHashMap<>();
        directory.forEach(o -> names.put(o.id(), o.name()));
        if (existing != null) {
            existing.partners().forEach(p -> names.putIfAbsent(p.id(), p.name()));
        }
        return new PartnerChoices(names, true);
    }

    static PartnerChoices unavailable() {
        return new PartnerChoices(Map.of(), false);
    }

    public boolean available() {
        return available;
    }

    /** The organisation's name, or null when it is not one to choose. */
    public String nameOf(String id) {
        return namesById.get(id);
    }

    /** The options, as the select lists them. */
    public List<Organisation> options() {
        List<Organisation> options = new ArrayList<>();
        namesById.forEach((id, name) -> options.add(new Organisation(id, name)));
        return options;
    }
}
