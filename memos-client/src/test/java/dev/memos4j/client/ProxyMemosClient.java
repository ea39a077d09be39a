package dev.memos4j.client;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A {@link MemosClient} without network: each endpoint answers with what the test scripted for its name,
 * and every call is recorded. Default methods (overloads, {@code awaitTask}, {@code blocking}) run their
 * real code, so they can be tested against the fake.
 */
final class ProxyMemosClient {

    /** One recorded call of an endpoint: its name and its arguments, options included. */
    record Call(String method, List<Object> args) {
        RequestOptions options() {
            return (RequestOptions) args.get(args.size() - 1);
        }
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    final Map<String, Function<Object[], Object>> answers = new ConcurrentHashMap<>();
    volatile boolean closed;
    final MemosClient client;

    ProxyMemosClient() {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, method, args);
            }
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            if (method.getName().equals("close")) {
                closed = true;
                return null;
            }
            Object[] actual = args == null ? new Object[0] : args;
            calls.add(new Call(method.getName(), java.util.Arrays.asList(actual)));
            Function<Object[], Object> answer = answers.get(method.getName());
            if (answer == null) {
                throw new AssertionError("no answer scripted for " + method.getName());
            }
            return answer.apply(actual);
        };
        client = (MemosClient)
                Proxy.newProxyInstance(MemosClient.class.getClassLoader(), new Class<?>[] {MemosClient.class}, handler);
    }

    ProxyMemosClient answer(String method, Function<Object[], Object> answer) {
        answers.put(method, answer);
        return this;
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "ProxyMemosClient";
        };
    }
}
