package dev.memos4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JavaType;
import dev.memos4j.client.errors.MemosException;
import dev.memos4j.client.errors.MemosNotFoundException;
import dev.memos4j.client.internal.Json;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every blocking method calls its asynchronous twin, hands back its result and unwraps its failure. */
class BlockingMemosClientTest {

    private static final RequestOptions OPTIONS =
            RequestOptions.builder().maxAttempts(1).build();

    /** The blocking endpoints: all public methods but the view's own ones. */
    static Stream<Method> endpoints() {
        return Arrays.stream(BlockingMemosClient.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> !m.getName().equals("async") && !m.getName().equals("close"))
                .sorted((a, b) -> (a.getName() + a.getParameterCount()).compareTo(b.getName() + b.getParameterCount()));
    }

    @Test
    void coversEveryAsynchronousEndpointWithAndWithoutOptions() {
        List<String> blocking =
                endpoints().map(m -> m.getName() + "/" + m.getParameterCount()).toList();
        List<String> expected = new ArrayList<>();
        for (Method m : MemosClient.class.getMethods()) {
            boolean endpoint = !m.isDefault()
                    && !Modifier.isStatic(m.getModifiers())
                    && !m.getName().equals("close")
                    && !m.getName().equals("chatStream");
            if (endpoint) {
                expected.add(m.getName() + "/" + m.getParameterCount());
                expected.add(m.getName() + "/" + (m.getParameterCount() - 1));
            }
        }
        assertThat(blocking).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void returnsTheAsynchronousResultAndPassesTheOptions(Method method) throws Exception {
        ProxyMemosClient fake = new ProxyMemosClient();
        Object result = emptyValueOf(method);
        fake.answer(method.getName(), args -> CompletableFuture.completedFuture(result));
        boolean withOptions = method.getParameterCount() == 2;

        Object returned = method.invoke(fake.client.blocking(), arguments(method, withOptions));

        assertThat(returned).isSameAs(result);
        assertThat(fake.calls).hasSize(1);
        ProxyMemosClient.Call call = fake.calls.get(0);
        assertThat(call.method()).isEqualTo(method.getName());
        assertThat(call.options()).isSameAs(withOptions ? OPTIONS : RequestOptions.none());
        assertThat(call.args().get(0)).isEqualTo(arguments(method, withOptions)[0]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void throwsTheServiceFailureItselfNotAWrapper(Method method) {
        ProxyMemosClient fake = new ProxyMemosClient();
        MemosNotFoundException notFound = new MemosNotFoundException(404, 40400, "no such memory", "req-1", null);
        fake.answer(method.getName(), args -> CompletableFuture.failedFuture(notFound));

        assertThatThrownBy(() -> invoke(method, fake.client.blocking())).isSameAs(notFound);
    }

    @Test
    void wrapsACheckedFailureInAMemosExceptionKeepingTheCause() {
        ProxyMemosClient fake = new ProxyMemosClient();
        IOException io = new IOException("connection reset");
        fake.answer("getTaskStatus", args -> CompletableFuture.failedFuture(io));

        assertThatThrownBy(() -> fake.client.blocking().getTaskStatus("task-1"))
                .isExactlyInstanceOf(MemosException.class)
                .hasMessage("connection reset")
                .hasCause(io);
    }

    @Test
    void rethrowsErrorsAndCancellationUnchanged() {
        ProxyMemosClient fake = new ProxyMemosClient();
        StackOverflowError error = new StackOverflowError("deep");
        fake.answer("getTaskStatus", args -> CompletableFuture.failedFuture(error));
        assertThatThrownBy(() -> fake.client.blocking().getTaskStatus("task-1")).isSameAs(error);

        CompletableFuture<Object> cancelled = new CompletableFuture<>();
        cancelled.cancel(true);
        fake.answer("getMemoryById", args -> cancelled);
        assertThatThrownBy(() -> fake.client.blocking().getMemoryById("m-1")).isInstanceOf(CancellationException.class);
    }

    @Test
    void exposesTheAsynchronousClientAndClosesIt() {
        ProxyMemosClient fake = new ProxyMemosClient();
        BlockingMemosClient blocking = fake.client.blocking();

        assertThat(blocking.async()).isSameAs(fake.client);
        blocking.close();
        assertThat(fake.closed).isTrue();
    }

    @Test
    void refusesANullClient() {
        assertThatThrownBy(() -> new BlockingMemosClient(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("client");
    }

    private static Object invoke(Method method, BlockingMemosClient blocking) throws Throwable {
        try {
            return method.invoke(blocking, arguments(method, method.getParameterCount() == 2));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Distinct, recognisable arguments: the fake never validates them. */
    private static Object[] arguments(Method method, boolean withOptions) {
        Class<?> first = method.getParameterTypes()[0];
        Object argument = first == String.class
                ? "id-" + method.getName()
                : first == List.class ? List.of("file-1", "file-2") : null;
        return withOptions ? new Object[] {argument, OPTIONS} : new Object[] {argument};
    }

    /** An empty instance of the method's result type, as the service would decode {@code {}} or {@code []}. */
    private static Object emptyValueOf(Method method) {
        JavaType type = Json.MAPPER.getTypeFactory().constructType(method.getGenericReturnType());
        Object empty = type.isCollectionLikeType() ? List.of() : Map.of();
        return Json.MAPPER.convertValue(empty, type);
    }
}
