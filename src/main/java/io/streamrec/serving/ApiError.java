package io.streamrec.serving;

/** A request that cannot be answered as asked: becomes {@code {"error": message}} with the status. */
public final class ApiError extends RuntimeException {
    private final int status;
    private final int retryAfterSeconds;

    public ApiError(int status, String message) {
        this(status, message, 0);
    }

    private ApiError(int status, String message, int retryAfterSeconds) {
        super(message);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    /** Seconds a client should wait before trying again (a {@code Retry-After} header); 0 for none. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** A 503 the client may retry after {@code seconds}: a dependency is away for now. */
    public static ApiError unavailable(String message, int seconds) {
        return new ApiError(503, message, seconds);
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
