package io.streamrec.serving;

/** A request that cannot be answered as asked: becomes {@code {"error": message}} with the status. */
public final class ApiError extends RuntimeException {
    private final int status;

    public ApiError(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    /** Fails the request with a 400 and {@code message} unless {@code condition} holds. */
    public static void check(boolean condition, String message) {
        if (!condition) {
            throw badRequest(message);
        }
    }
}
