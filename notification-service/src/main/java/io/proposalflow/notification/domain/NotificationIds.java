package io.proposalflow.notification.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The id of a notification is derived from the event and the recipient, so a redelivered event derives
 * the same ids and its inserts meet the unique {@code _id}: one mail per event and recipient, ever.
 */
public final class NotificationIds {

    private NotificationIds() {
    }

    public static String of(String eventId, Recipient recipient) {
        String key = eventId + "|" + recipient.kind() + "|" + recipient.recipientId();
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
