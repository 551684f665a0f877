package io.streamrec.events;

import io.streamrec.avro.Interaction;
import io.streamrec.avro.Item;
import io.streamrec.avro.ItemDelta;
import io.streamrec.avro.ItemVector;
import io.streamrec.avro.OwedDeltas;
import io.streamrec.avro.Recommendations;
import io.streamrec.avro.RejectedEvent;
import io.streamrec.avro.UserState;
import org.apache.avro.util.ClassSecurityValidator;

/** One serde per record type, declared once. */
public final class AvroSerdes {
    private AvroSerdes() {}

    static {
        // Avro 1.12 refuses to instantiate classes it was not told to trust; ours are generated.
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(),
                type -> type.getPackageName().equals(Interaction.class.getPackageName())));
    }

    public static final AvroSerde<Interaction> INTERACTION =
            new AvroSerde<>(Interaction.getEncoder(), Interaction.getDecoder());
    public static final AvroSerde<Item> ITEM = new AvroSerde<>(Item.getEncoder(), Item.getDecoder());
    public static final AvroSerde<Recommendations> RECOMMENDATIONS =
            new AvroSerde<>(Recommendations.getEncoder(), Recommendations.getDecoder());
    public static final AvroSerde<RejectedEvent> REJECTED =
            new AvroSerde<>(RejectedEvent.getEncoder(), RejectedEvent.getDecoder());
    public static final AvroSerde<UserState> USER_STATE =
            new AvroSerde<>(UserState.getEncoder(), UserState.getDecoder());
    public static final AvroSerde<ItemDelta> ITEM_DELTA =
            new AvroSerde<>(ItemDelta.getEncoder(), ItemDelta.getDecoder());
    public static final AvroSerde<OwedDeltas> OWED_DELTAS =
            new AvroSerde<>(OwedDeltas.getEncoder(), OwedDeltas.getDecoder());
    public static final AvroSerde<ItemVector> ITEM_VECTOR =
            new AvroSerde<>(ItemVector.getEncoder(), ItemVector.getDecoder());
}
