package io.proposalflow.notification.domain;

/**
 * The kinds of mail this service writes; each has its subject, intro and next step in the templates.
 * A kind is one step as a recipient experiences it ({@link EventMeaning}).
 */
public enum MailKind {
    /** Submitted, and so the review opened: partners and the focus group. */
    SUBMITTED,
    RESUBMITTED,
    /** To the partners: the focus group withdrew the proposal. */
    WITHDRAWN,
    /** To the focus group: its own withdrawal went through. */
    WITHDRAWAL_CONFIRMED,
    /**
     * No longer planned (every status change is part of a step whose own event speaks for it); kept
     * so that notifications planned before that change still render and can be resent.
     */
    STATUS_CHANGED,
    /** A funding report and the status it causes. */
    FUNDING_UPDATED,
    REVIEW_ASSIGNED,
    REVIEW_REMINDER,
    REVIEW_OVERDUE,
    /** The review's outcome and the status it causes, with the reviewers' comments (never their names). */
    REVIEW_COMPLETED,
    /** To the assigned reviewers: their review case was cancelled (e.g. the proposal was withdrawn). */
    REVIEW_CANCELLED
}
