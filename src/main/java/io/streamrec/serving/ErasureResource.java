package io.streamrec.serving;

import io.javalin.http.Context;

/**
 * {@code DELETE /v1/users/{userId}}: erases the user by publishing the user's tombstone to
 * `interactions`, keyed by the user like the user's events, so it reaches the partition that
 * owns the user after every event sent before it. The user side then deletes the user's state,
 * history and list from its stores (and their changelogs) and publishes a tombstone for the
 * user's list on `recommendations`. 202 with where the tombstone landed, once the broker has it.
 * The events already on `interactions` stay until the topic's retention removes them.
 */
final class ErasureResource {
    private final Publisher publisher;
    private final String topic;
    private final int maxIdLength;

    ErasureResource(Publisher publisher, String interactionsTopic, int maxIdLength) {
        this.publisher = publisher;
        this.topic = interactionsTopic;
        this.maxIdLength = maxIdLength;
    }

    void delete(Context ctx) {
        String user = QueryParams.id(ctx, "userId", maxIdLength);
        ctx.status(202).json(publisher.send(topic, user, null));
    }
}
