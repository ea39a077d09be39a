package dev.memos4j.local.internal;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A BERT sentence encoder over an ONNX session: tokenize, run the model, pool the token vectors (first
 * token or mean), normalise to unit length. It computes what LangChain4j's {@code OnnxBertBiEncoder} does,
 * float for float, with a tokenizer given its maximum length explicitly (the library's leaves it unset,
 * and DJL warns about that on every load).
 *
 * <p>The tokenizer truncates at {@code maxTokens} (special tokens included), so a longer text is embedded
 * from its first {@code maxTokens - 2} tokens: the library's splitting of long texts into 510-token parts
 * never comes into play behind that truncation. Thread-safe: the session and the tokenizer are.
 */
final class BertEncoder {

    /** How token vectors become one vector. */
    enum Pooling {
        /** The first ({@code [CLS]}) token's vector. */
        CLS,
        /** The mean of all token vectors, special tokens included. */
        MEAN
    }

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final Set<String> inputs;
    private final HuggingFaceTokenizer tokenizer;
    private final Pooling pooling;

    private BertEncoder(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer, Pooling pooling)
            throws OrtException {
        this.environment = environment;
        this.session = session;
        this.inputs = session.getInputNames();
        this.tokenizer = tokenizer;
        this.pooling = pooling;
    }

    /**
     * An encoder over {@code session} with the tokenizer read from {@code tokenizerJson}.
     *
     * @param maxTokens where the tokenizer truncates: 512 for a model whose tokenizer file sets none (what
     *     DJL then uses), else the file's own value
     */
    static BertEncoder create(
            OrtEnvironment environment, OrtSession session, InputStream tokenizerJson, int maxTokens, Pooling pooling)
            throws IOException, OrtException {
        // padding off as in the library; truncation stays DJL's default (longest first) at maxTokens.
        HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(
                tokenizerJson, Map.of("padding", "false", "maxLength", String.valueOf(maxTokens)));
        return new BertEncoder(environment, session, tokenizer, pooling);
    }

    /**
     * The unit-length vector of {@code text}.
     *
     * @throws IllegalArgumentException when the text has no token (blank, or only characters the
     *     tokenizer drops)
     */
    float[] embed(String text) {
        List<String> tokens = tokenizer.tokenize(text);
        if (tokens.size() <= 2) { // [CLS] and [SEP] only
            throw new IllegalArgumentException("Cannot embed empty or whitespace-only text");
        }
        return encode(tokens);
    }

    /**
     * Like {@link #embed}, except that a text without any token (blank, or only characters the tokenizer
     * drops, such as zero-width or control characters) is embedded as {@code "."}: a stranger's message must
     * not fail the batch of adds it rides in.
     */
    float[] embedAnyText(String text) {
        List<String> tokens = tokenizer.tokenize(text);
        return encode(tokens.size() <= 2 ? tokenizer.tokenize(".") : tokens);
    }

    private float[] encode(List<String> tokens) {
        List<String> words = tokens.subList(1, tokens.size() - 1);
        Encoding encoding = tokenizer.encode(toText(words), true, false);
        try (OrtSession.Result result = run(encoding)) {
            float[][] vectors = ((float[][][]) result.get(0).getValue())[0];
            return normalize(pooling == Pooling.CLS ? vectors[0] : mean(vectors));
        } catch (OrtException e) {
            throw new IllegalStateException("the embedding model failed", e);
        }
    }

    /** The text to encode for these tokens: rebuilt from them, or joined when rebuilding changes them. */
    private String toText(List<String> words) {
        String text = tokenizer.buildSentence(words);
        List<String> again = new LinkedList<>(tokenizer.tokenize(text));
        again.remove(0);
        again.remove(again.size() - 1);
        return again.equals(words) ? text : String.join("", words);
    }

    private OrtSession.Result run(Encoding encoding) throws OrtException {
        long[] ids = encoding.getIds();
        long[] shape = {1, ids.length};
        try (OnnxTensor inputIds = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                OnnxTensor attention =
                        OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getAttentionMask()), shape);
                OnnxTensor types =
                        OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getTypeIds()), shape)) {
            Map<String, OnnxTensor> feed = new HashMap<>();
            feed.put("input_ids", inputIds);
            feed.put("attention_mask", attention);
            if (inputs.contains("token_type_ids")) {
                feed.put("token_type_ids", types);
            }
            return session.run(feed);
        }
    }

    // The arithmetic below keeps the library's order of float operations, so vectors match bit for bit.

    private static float[] mean(float[][] vectors) {
        float[] mean = new float[vectors[0].length];
        for (float[] vector : vectors) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += vector[j];
            }
        }
        for (int j = 0; j < mean.length; j++) {
            mean[j] /= vectors.length;
        }
        return mean;
    }

    private static float[] normalize(float[] vector) {
        float sumSquare = 0;
        for (float v : vector) {
            sumSquare += v * v;
        }
        float norm = (float) Math.sqrt(sumSquare);
        float[] normalized = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            normalized[i] = vector[i] / norm;
        }
        return normalized;
    }
}
