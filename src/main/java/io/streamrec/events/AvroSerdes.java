package io.streamrec.events;

import io.streamrec.avro.GeneratedPackage;
import io.streamrec.avro.Interaction;
import io.streamrec.avro.Item;
import io.streamrec.avro.ItemDelta;
import io.streamrec.avro.ItemVector;
import io.streamrec.avro.OwedDeltas;
import io.streamrec.avro.Recommendations;
import io.streamrec.avro.RejectedEvent;
import io.streamrec.avro.UserState;

/**
 * One serde per record type, declared once. Each decodes the records of every released version
 * of its schema ({@code schemas/released/}) as well as the current one.
 */
public final class AvroSerdes {
    private AvroSerdes() {}

    static {
        // Each generated record trusts its package when it loads (see GeneratedPackage); said here
        // too so that classes generated before the template had that line (a build not cleaned
        // since) cannot make the app's own decoding fail.
        GeneratedPackage.trust();
    }

    public static final AvroSerde<Interaction> INTERACTION = AvroSerde.of(Interaction.class);
    public static final AvroSerde<Item> ITEM = AvroSerde.of(Item.class);
    public static final AvroSerde<Recommendations> RECOMMENDATIONS = AvroSerde.of(Recommendations.class);
    public static final AvroSerde<RejectedEvent> REJECTED = AvroSerde.of(RejectedEvent.class);
    public static final AvroSerde<UserState> USER_STATE = AvroSerde.of(UserState.class);
    public static final AvroSerde<ItemDelta> ITEM_DELTA = AvroSerde.of(ItemDelta.class);
    public static final AvroSerde<OwedDeltas> OWED_DELTAS = AvroSerde.of(OwedDeltas.class);
    public static final AvroSerde<ItemVector> ITEM_VECTOR = AvroSerde.of(ItemVector.class);
}
