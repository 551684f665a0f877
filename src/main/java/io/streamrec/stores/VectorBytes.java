package io.streamrec.stores;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A float vector as the stored Avro records hold it: little-endian floats in a bytes field,
 * empty for no vector (a user or item not yet learned).
 */
public final class VectorBytes {
    private VectorBytes() {}

    public static ByteBuffer pack(float[] vector) {
        if (vector == null) {
            return ByteBuffer.allocate(0);
        }
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer;
    }

    /** The vector, null for an empty field; {@code bytes}' position is left where it was. */
    public static float[] unpack(ByteBuffer bytes) {
        if (bytes == null || bytes.remaining() == 0) {
            return null;
        }
        float[] vector = new float[bytes.remaining() / Float.BYTES];
        bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
