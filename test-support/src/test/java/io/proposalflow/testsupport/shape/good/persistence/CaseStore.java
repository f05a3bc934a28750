package io.proposalflow.testsupport.shape.good.persistence;

import java.util.HashMap;
import java.util.Map;

import io.proposalflow.testsupport.shape.good.domain.Case;

public class CaseStore {

    private final Map<String, Case> cases = new HashMap<>();

    public Case load(String id) {
        return cases.get(id);
    }

    public void save(Case saved) {
        cases.put(saved.id(), saved);
    }
}
