package org.petal.ml.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quoted_fields_keep_commas_quotes_and_line_breaks() throws Exception {
        List<Csv.Row> rows = Csv.parse("a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nnext,,\"\"\n\n", "t.csv");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).fields()).containsExactly("a", "b,c", "say \"hi\"", "two\nlines");
        assertThat(rows.get(1).line()).isEqualTo(3);
        assertThat(rows.get(1).fields()).containsExactly("next", "", "");
    }

    @Test
    void formatting_then_parsing_returns_the_same_fields() throws Exception {
        List<String> fields = List.of("plain", "with,comma", "with \"quote\"", " padded ", "", "new\nline");
        assertThat(Csv.parse(Csv.formatRow(fields), "t.csv").get(0).fields()).isEqualTo(fields);
    }

    @Test
    void only_fields_that_need_quotes_get_them() {
        assertThat(Csv.formatRow(List.of("data/a.nii.gz", "a,b"))).isEqualTo("data/a.nii.gz,\"a,b\"\n");
    }

    @Test
    void an_unclosed_quote_is_an_error_with_its_line() {
        assertThatThrownBy(() -> Csv.parse("h\n\"open,field\n", "cases.csv"))
            .isInstanceOf(InvalidDatasetException.class).hasMessage("cases.csv line 2: quoted field is never closed");
    }

    @Test
    void a_byte_order_mark_is_ignored() throws Exception {
        assertThat(Csv.parse("\uFEFFcase_id\n", "t.csv").get(0).fields()).containsExactly("case_id");
    }
}
