package io.proposalflow.testsupport.shape.bad.persistence;

import io.proposalflow.testsupport.shape.bad.application.CaseUseCases;

/** Calls back into the use cases: a cycle, and persistence knowing the application. */
public class CaseStore {

    public CaseUseCases owner() {
        return null;
    }
}
