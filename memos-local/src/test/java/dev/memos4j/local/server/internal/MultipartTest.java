package dev.memos4j.local.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void findsTheBoundaryQuotedOrNotAndIgnoresOtherContentTypes() {
        assertThat(Multipart.boundary("multipart/form-data; boundary=abc")).hasValue("abc");
        assertThat(Multipart.boundary("Multipart/Form-Data; charset=utf-8; boundary=\"a b;c\""))
                .hasValue("a b;c");
        assertThat(Multipart.boundary("application/json")).isEmpty();
        assertThat(Multipart.boundary(null)).isEmpty();
        assertThatThrownBy(() -> Multipart.boundary("multipart/form-data"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("boundary");
    }

    @Test
    void parsesFieldsFilesAndBinaryContentExactly() {
        byte[] binary = {0, 1, 2, (byte) 0xff, '\r', '\n', '-', '-', 'x'};
        byte[] head =
                bytes("preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"knowledgebase_id\"\r\n\r\nkb-1\r\n"
                        + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a;b \\\"q\\\".bin\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n");
        byte[] tail = bytes("\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.txt\"; "
                + "filename*=UTF-8''%E5%91%A8%E5%85%AD.txt\r\n\r\n\r\n--XyZ--\r\n");
        byte[] body = new byte[head.length + binary.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(binary, 0, body, head.length, binary.length);
        System.arraycopy(tail, 0, body, head.length + binary.length, tail.length);

        List<Multipart.Part> parts = Multipart.parse(body, "XyZ");

        assertThat(parts).hasSize(3);
        assertThat(parts.get(0).name()).isEqualTo("knowledgebase_id");
        assertThat(parts.get(0).filename()).isEmpty();
        assertThat(new String(parts.get(0).content(), StandardCharsets.UTF_8)).isEqualTo("kb-1");
        assertThat(parts.get(1).filename()).hasValue("a;b \"q\".bin");
        assertThat(parts.get(1).contentType()).hasValue("application/octet-stream");
        assertThat(parts.get(1).content()).isEqualTo(binary);
        assertThat(parts.get(2).filename()).hasValue("周六.txt");
        assertThat(parts.get(2).content()).isEmpty();
    }

    @Test
    void rejectsMalformedBodies() {
        assertThatThrownBy(() -> Multipart.parse(bytes("no boundary here"), "b"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("boundary not found");
        assertThatThrownBy(() -> Multipart.parse(
                        bytes("--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nunterminated"), "b"))
                .hasMessageContaining("closing boundary not found");
        assertThatThrownBy(() -> Multipart.parse(bytes("--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--"), "b"))
                .hasMessageContaining("without a form field name");
        assertThatThrownBy(() -> Multipart.parse(bytes("--b\r\n\r\nx\r\n--b--"), "b"))
                .hasMessageContaining("headers missing");
    }

    @Test
    void boundsTheNumberOfParts() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i <= Multipart.MAX_PARTS; i++) {
            body.append("--b\r\nContent-Disposition: form-data; name=\"f")
                    .append(i)
                    .append("\"\r\n\r\nv\r\n");
        }
        body.append("--b--\r\n");
        assertThatThrownBy(() -> Multipart.parse(bytes(body.toString()), "b"))
                .hasMessageContaining("more than " + Multipart.MAX_PARTS + " parts");
    }

    @Test
    void fileNamesKeepOnlyTheirLastSegment() {
        assertThat(KnowledgebaseUploads.safeFileName("../../etc/passwd", 0)).isEqualTo("passwd");
        assertThat(KnowledgebaseUploads.safeFileName("C:\\Users\\me\\notes.md", 0))
                .isEqualTo("notes.md");
        assertThat(KnowledgebaseUploads.safeFileName("..", 2)).isEqualTo("file-3");
        assertThat(KnowledgebaseUploads.safeFileName("a\u0000b:c.txt", 0)).isEqualTo("abc.txt");
        assertThat(KnowledgebaseUploads.safeFileName("家庭 笔记.txt", 0)).isEqualTo("家庭 笔记.txt");
    }

    @Test
    void pathSegmentsArePercentDecodedAsUtf8WithoutTreatingPlusAsSpace() {
        assertThat(ApiHandler.percentDecode("a%2Fb%20c+d")).isEqualTo("a/b c+d");
        assertThat(ApiHandler.percentDecode("%E8%AE%B0%E5%BF%86")).isEqualTo("记忆");
        assertThatThrownBy(() -> ApiHandler.percentDecode("bad%2")).hasMessageContaining("percent-encoding");
        assertThatThrownBy(() -> ApiHandler.percentDecode("bad%zz")).hasMessageContaining("percent-encoding");
    }
}
