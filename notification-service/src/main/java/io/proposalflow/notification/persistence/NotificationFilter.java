package io.proposalflow.notification.persistence;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import io.proposalflow.notification.domain.NotificationStatus;

/** Optional filters of the notification list; null means "any". */
public record NotificationFilter(String proposalId, String organisationId, NotificationStatus status) {

    Query toQuery() {
        Query query = new Query();
        if (proposalId != null) {
            query.addCriteria(Criteria.where("proposalId").is(proposalId));
        }
        if (organisationId != null) {
            query.addCriteria(Criteria.where("organisationId").is(organisationId));
        }
        if (status != null) {
            query.addCriteria(Criteria.where("status").is(status));
        }
        return query;
    }
}
