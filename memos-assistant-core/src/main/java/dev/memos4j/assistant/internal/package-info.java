/**
 * Implementation details of memos4j assistant core. Not API: anything here may change in any release.
 */
package dev.memos4j.assistant.internal;
