package org.petal.ml.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LabelSetTest {

    private static LabelSet parse(String json) throws InvalidDatasetException {
        return LabelSet.fromJson(json, "labels.json");
    }

    @Test
    void labels_are_ordered_by_value_whatever_the_file_order() throws Exception {
        LabelSet set = parse("{\"labels\": {\"3\": \"spleen\", \"1\": \"liver\", \"2\": \"lesion\"},"
            + " \"kinds\": {\"liver\": \"organ\", \"lesion\": \"lesion\", \"spleen\": \"organ\"}}");
        assertThat(set.names().keySet()).containsExactly(1, 2, 3);
        assertThat(set.kinds().keySet()).containsExactly("liver", "lesion", "spleen");
        assertThat(set.kind("lesion")).contains(LabelKind.LESION);
        assertThat(set.value("spleen")).contains(3);
        assertThat(set.lesionValues()).containsExactly(2);
    }

    @Test
    void json_round_trip_gives_an_equal_set() throws Exception {
        LabelSet set = LabelSet.builder().add(7, "kidney_left", LabelKind.ORGAN).add(65535, "lesion", LabelKind.LESION).build();
        assertThat(parse(set.toJson())).isEqualTo(set);
    }

    @Test
    void value_zero_and_values_above_uint16_are_rejected() {
        assertThatThrownBy(() -> parse("{\"labels\": {\"0\": \"bg\"}, \"kinds\": {\"bg\": \"organ\"}}"))
            .isInstanceOf(InvalidDatasetException.class).hasMessageContaining("label value 0 is outside 1..65535");
        assertThatThrownBy(() -> parse("{\"labels\": {\"65536\": \"x\"}, \"kinds\": {\"x\": \"organ\"}}"))
            .isInstanceOf(InvalidDatasetException.class).hasMessageContaining("65536");
    }

    @Test
    void a_name_used_by_two_values_is_rejected() {
        assertThatThrownBy(() -> parse("{\"labels\": {\"1\": \"liver\", \"2\": \"liver\"}, \"kinds\": {\"liver\": \"organ\"}}"))
            .isInstanceOf(InvalidDatasetException.class).hasMessageContaining("\"liver\" is used by labels 1 and 2");
    }

    @Test
    void a_value_listed_twice_is_rejected_not_silently_overwritten() {
        assertThatThrownBy(() -> parse("{\"labels\": {\"1\": \"a\", \"1\": \"b\"}, \"kinds\": {\"a\": \"organ\", \"b\": \"organ\"}}"))
            .isInstanceOf(InvalidDatasetException.class).hasMessageContaining("Duplicate field '1'");
    }

    @Test
    void a_name_without_a_kind_is_rejected() {
        assertThatThrownBy(() -> parse("{\"labels\": {\"1\": \"liver\"}, \"kinds\": {}}"))
            .isInstanceOf(InvalidDatasetException.class).hasMessageContaining("label 1 (\"liver\") has no entry in \"kinds\"");
    }

    @Test
    void an_unknown_kind_and_a_kind_for_no_label_are_rejected() {
        assertThatThrownBy(() -> parse("{\"labels\": {\"1\": \"liver\"}, \"kinds\": {\"liver\": \"tumor\"}}"))
            .isInstanceOf(InvalidDatasetException.class).hasMessageContaining("expected \"organ\" or \"lesion\"");
        assertThatThrownBy(() -> parse("{\"labels\": {\"1\": \"liver\"}, \"kinds\": {\"liver\": \"organ\", \"lung\": \"organ\"}}"))
            .isInstanceOf(InvalidDatasetException.class).hasMessageContaining("\"lung\", which no label uses");
    }

    @Test
    void malformed_json_and_missing_sections_say_what_is_wrong() {
        assertThatThrownBy(() -> parse("{\"labels\": "))
            .isInstanceOf(InvalidDatasetException.class).hasMessageStartingWith("labels.json is not valid JSON");
        assertThatThrownBy(() -> parse("{\"labels\": {}}"))
            .isInstanceOf(InvalidDatasetException.class).hasMessageContaining("no \"kinds\" object");
        assertThatThrownBy(() -> parse("{\"labels\": {\"one\": \"liver\"}, \"kinds\": {\"liver\": \"organ\"}}"))
            .isInstanceOf(InvalidDatasetException.class).hasMessageContaining("\"one\" is not an integer");
    }

    @Test
    void the_builder_rejects_bad_labels_with_illegal_argument() {
        assertThatThrownBy(() -> LabelSet.builder().add(1, " ", LabelKind.ORGAN).build())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty name");
    }
}
