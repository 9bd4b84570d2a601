package org.rhizome.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WikiLinkAtTest {

  @Test
  void findsTheLinkAroundAColumnWithoutHeadingOrLabel() {
    String line = "see [[First]] and [[Second#Part|label]] end";
    assertThat(WikiLinkAt.find(line, 8)).contains(new WikiLinkAt("First", 4, 13));
    assertThat(WikiLinkAt.find(line, 25).map(WikiLinkAt::target)).contains("Second");
    assertThat(WikiLinkAt.find(line, 15)).isEmpty();
    assertThat(WikiLinkAt.find(line, 2)).isEmpty();
  }

  @Test
  void unclosedOrEmptyLinksAreNotLinks() {
    assertThat(WikiLinkAt.find("open [[never closed", 9)).isEmpty();
    assertThat(WikiLinkAt.find("[[]]", 2)).isEmpty();
    assertThat(WikiLinkAt.find("[[ |x]]", 2)).isEmpty();
  }
}
