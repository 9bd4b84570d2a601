package org.rhizome.ui.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class YamlValuesTest {
  @Test
  void valuesAreQuotedOnlyWhenYamlWouldReadThemOtherwise() {
    assertThat(YamlValues.line("k", RowKind.TEXT, "plain words", "\n"))
        .isEqualTo("k: plain words\n");
    assertThat(YamlValues.line("k", RowKind.TEXT, "12", "\n")).isEqualTo("k: \"12\"\n");
    assertThat(YamlValues.line("k", RowKind.TEXT, "yes", "\n")).isEqualTo("k: \"yes\"\n");
    assertThat(YamlValues.line("k", RowKind.TEXT, "a: b", "\n")).isEqualTo("k: \"a: b\"\n");
    assertThat(YamlValues.line("k", RowKind.LINK, "[[Note]]", "\n")).isEqualTo("k: \"[[Note]]\"\n");
    assertThat(YamlValues.line("k", RowKind.NUMBER, 7L, "\n")).isEqualTo("k: 7\n");
    assertThat(YamlValues.line("k", RowKind.CHECKBOX, true, "\n")).isEqualTo("k: true\n");
    assertThat(YamlValues.line("tags", RowKind.LIST, List.of("a", "#b"), "\n"))
        .isEqualTo("tags:\n  - a\n  - \"#b\"\n");
    assertThat(YamlValues.line("k", RowKind.TEXT, "say \"hi\"\n", "\n"))
        .isEqualTo("k: \"say \\\"hi\\\"\\n\"\n");
  }
}
