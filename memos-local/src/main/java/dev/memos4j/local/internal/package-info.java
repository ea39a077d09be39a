/** Implementation of the local engine: storage, ranking, extraction rules. Not a public API. */
package dev.memos4j.local.internal;
