package io.streamrec.serving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answer to a request it refuses before any route sees it (a URI that does not decode,
 * an ambiguous path such as one holding {@code %00}, a request line too long), in the API's
 * format, {@code {"error": ...}}, instead of Jetty's HTML page. The request's own text is never
 * echoed: it is what could not be read, and may be 20,000 characters long.
 */
final class JsonErrorHandler extends ErrorHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws JsonProcessingException {
        int status = request.getAttribute(ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(ERROR_CACHE_CONTROL);
        byte[] body = JSON.writeValueAsBytes(Map.of("error", describe(status, request.getAttribute(ERROR_MESSAGE))));
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    static String describe(int status, Object detail) {
        String reason = HttpStatus.getMessage(status);
        String text = detail instanceof String message && !message.isBlank() && !message.equals(reason)
                ? reason + ": " + message : reason;
        return switch (status) {
            case HttpStatus.URI_TOO_LONG_414 -> text + " (the request line must fit in 8 KB)";
            case HttpStatus.BAD_REQUEST_400 -> text + " (paths must be percent-encoded UTF-8 without control characters)";
            default -> text;
        };
    }
}
