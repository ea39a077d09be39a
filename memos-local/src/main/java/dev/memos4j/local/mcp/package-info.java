/**
 * An MCP (Model Context Protocol) server over memos4j memory: the memory tools of
 * {@code dev.memos4j.assistant.tools.MemoryTools} for any MCP host, over stdio ({@code memos-local-server.jar
 * mcp}) or streamable HTTP ({@code /mcp} on the local server). Built on the official MCP Java SDK.
 */
package dev.memos4j.local.mcp;
