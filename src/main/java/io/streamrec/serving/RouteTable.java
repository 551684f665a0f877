package io.streamrec.serving;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Every endpoint once: its method, path template, the query parameters it reads and its
 * handler. From that one declaration each path also answers HEAD (as GET, without the body),
 * OPTIONS (204 with {@code Allow}) and every other method with 405 and {@code Allow}, and a
 * request naming a query parameter its endpoint does not read is a 400 naming it: a misspelled
 * parameter silently ignored would answer a different question than the one asked.
 */
final class RouteTable {
    /** Methods a client may try on any path; the ones a path lacks are answered 405. */
    private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.HEAD, HandlerType.POST,
            HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    private record Route(Handler handler, Set<String> params) {}

    private final Map<String, Map<HandlerType, Route>> byPath = new LinkedHashMap<>();

    RouteTable get(String path, Handler handler, Set<String> params) {
        return add(HandlerType.GET, path, handler, params);
    }

    RouteTable post(String path, Handler handler, Set<String> params) {
        return add(HandlerType.POST, path, handler, params);
    }

    RouteTable put(String path, Handler handler, Set<String> params) {
        return add(HandlerType.PUT, path, handler, params);
    }

    RouteTable delete(String path, Handler handler, Set<String> params) {
        return add(HandlerType.DELETE, path, handler, params);
    }

    private RouteTable add(HandlerType method, String path, Handler handler, Set<String> params) {
        Route previous = byPath.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(method, new Route(handler, params));
        if (previous != null) {
            throw new IllegalStateException(method + " " + path + " is declared twice");
        }
        return this;
    }

    /** The methods {@code path} (a template as declared) answers, for an {@code Allow} header. */
    String allowed(String path) {
        Map<HandlerType, Route> routes = byPath.get(path);
        Set<String> allow = new TreeSet<>();
        routes.keySet().forEach(method -> allow.add(method.name()));
        if (routes.containsKey(HandlerType.GET)) {
            allow.add(HandlerType.HEAD.name());
        }
        allow.add(HandlerType.OPTIONS.name());
        return String.join(", ", allow);
    }

    /**
     * Whether the request reached a declared endpoint rather than one of the answers derived
     * from the table (OPTIONS, or a 405): only those are worth a token check first.
     */
    boolean declared(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint == null) {
            return false;
        }
        Map<HandlerType, Route> methods = byPath.getOrDefault(endpoint.path, Map.of());
        return methods.containsKey(endpoint.method == HandlerType.HEAD ? HandlerType.GET : endpoint.method);
    }

    void registerIn(RoutesConfig routes) {
        byPath.forEach((path, methods) -> {
            String allow = allowed(path);
            methods.forEach((method, route) -> routes.addHttpHandler(method, path, checked(route)));
            Route get = methods.get(HandlerType.GET);
            if (get != null) {
                // Jetty sends the headers of the GET answer and drops its body.
                routes.addHttpHandler(HandlerType.HEAD, path, checked(get));
            }
            routes.addHttpHandler(HandlerType.OPTIONS, path, ctx -> ctx.header("Allow", allow).status(204));
            for (HandlerType method : METHODS) {
                // HEAD is answered where GET is, so it is refused exactly where GET is.
                boolean answered = methods.containsKey(method == HandlerType.HEAD ? HandlerType.GET : method);
                if (!answered) {
                    routes.addHttpHandler(method, path, ctx -> {
                        ctx.header("Allow", allow);
                        throw new ApiError(405, method.name() + " is not allowed on " + path + "; allowed: " + allow);
                    });
                }
            }
        });
    }

    private static Handler checked(Route route) {
        return ctx -> {
            rejectUnknownParams(ctx, route.params());
            route.handler().handle(ctx);
        };
    }

    /** 400 naming the query parameters the endpoint does not read, with the ones it does. */
    static void rejectUnknownParams(Context ctx, Set<String> known) {
        Set<String> unknown = new TreeSet<>(ctx.queryParamMap().keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw ApiError.badRequest("unknown query parameter" + (unknown.size() == 1 ? " " : "s ")
                    + unknown.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "))
                    + (known.isEmpty() ? "; this endpoint takes none"
                    : "; this endpoint takes " + String.join(", ", new TreeSet<>(known))));
        }
    }
}
