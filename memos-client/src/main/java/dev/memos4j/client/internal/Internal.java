package dev.memos4j.client.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public type or member of an {@code internal} package that other memos4j modules use across
 * module boundaries (the retry engine, the shared JSON mapper, the SSE decoder, future helpers). It is
 * public only because Java has no "visible to my other modules" modifier: it is not API, it changes with
 * the modules that use it, and applications must not depend on it. Applications use the documented
 * counterparts instead, e.g. {@link dev.memos4j.client.MemosJson#jsonMapper()}.
 *
 * <p>Every public type in {@code dev.memos4j.client.internal} that another module imports carries this
 * annotation; an unmarked public type there is public for its own package's sake only.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.CONSTRUCTOR})
public @interface Internal {}
