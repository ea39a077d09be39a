package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One page of {@code get/knowledgebase-file}.
 *
 * @param fileDetailList the files on this page
 * @param total total number of files
 * @param page this page, 1-based
 * @param pageSize files per page
 * @param additionalProperties fields this version does not know
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record KnowledgebaseFilePage(
        @JsonProperty("file_detail_list") List<FileDetail> fileDetailList,
        @JsonProperty("total") Optional<Integer> total,
        @JsonProperty("page") Optional<Integer> page,
        @JsonProperty("page_size") Optional<Integer> pageSize,
        @JsonAnySetter Map<String, Object> additionalProperties) {

    /**
     * Normalises absent values.
     *
     * @param fileDetailList the files on this page
     * @param total total number of files
     * @param page this page, 1-based
     * @param pageSize files per page
     * @param additionalProperties fields this version does not know
     */
    public KnowledgebaseFilePage {
        fileDetailList = Models.list(fileDetailList);
        total = Models.opt(total);
        page = Models.opt(page);
        pageSize = Models.opt(pageSize);
        additionalProperties = Models.map(additionalProperties);
    }

    /**
     * Fields this version does not know, as received.
     *
     * @return fields this version does not know, as received
     */
    @Override
    @JsonAnyGetter
    public Map<String, Object> additionalProperties() {
        return additionalProperties;
    }
}
