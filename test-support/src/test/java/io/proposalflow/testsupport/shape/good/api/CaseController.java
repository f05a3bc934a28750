package io.proposalflow.testsupport.shape.good.api;

import org.springframework.http.HttpStatus;

import io.proposalflow.testsupport.shape.good.application.CaseUseCases;
import io.proposalflow.testsupport.shape.good.domain.CaseRefused;

public class CaseController {

    private final CaseUseCases cases;

    public CaseController(CaseUseCases cases) {
        this.cases = cases;
    }

    public HttpStatus close(String id) {
        try {
            cases.close(id);
            return HttpStatus.NO_CONTENT;
        } catch (CaseRefused e) {
            return HttpStatus.CONFLICT;
        }
    }
}
