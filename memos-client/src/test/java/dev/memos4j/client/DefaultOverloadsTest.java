package dev.memos4j.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each overload without options calls its twin with {@link RequestOptions#none()} and returns its result. */
class DefaultOverloadsTest {

    static Stream<Method> overloads() {
        return Arrays.stream(MemosClient.class.getMethods())
                .filter(Method::isDefault)
                .filter(m -> !m.getName().equals("awaitTask") && !m.getName().equals("blocking"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overloads")
    void passesNoOverrides(Method overload) throws Exception {
        ProxyMemosClient fake = new ProxyMemosClient();
        Object result =
                overload.getName().equals("chatStream") ? new IdleStream() : CompletableFuture.completedFuture("ok");
        fake.answer(overload.getName(), args -> result);
        Object[] args = Arrays.stream(overload.getParameterTypes())
                .map(type -> type == String.class ? "id-1" : type == List.class ? List.of("a") : null)
                .toArray();

        Object returned = overload.invoke(fake.client, args);

        assertThat(returned).isSameAs(result);
        assertThat(fake.calls).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo(overload.getName());
            assertThat(call.args()).hasSize(overload.getParameterCount() + 1);
            assertThat(call.options()).isSameAs(RequestOptions.none());
        });
    }

    /** A stream that never produces anything; only its identity matters here. */
    private static final class IdleStream implements ChatStream {
        @Override
        public CompletableFuture<String> completion() {
            return new CompletableFuture<>();
        }

        @Override
        public void cancel() {}
    }
}
