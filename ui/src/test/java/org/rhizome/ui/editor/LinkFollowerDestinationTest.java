package org.rhizome.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What a Ctrl-click on a Markdown link or image follows: the attachment or note its destination
 * names.
 */
class LinkFollowerDestinationTest {
  @Test
  void markdownDestinationsAreTheNamesTheyStandFor() {
    assertThat(LinkFollower.markdownDestination("Attachments/Engelbart.jpg"))
        .isEqualTo("Attachments/Engelbart.jpg");
    assertThat(LinkFollower.markdownDestination(" Attachments/Obsidian%20icon.png "))
        .isEqualTo("Attachments/Obsidian icon.png");
    assertThat(LinkFollower.markdownDestination("<Attachments/a b.png>"))
        .isEqualTo("Attachments/a b.png");
    assertThat(LinkFollower.markdownDestination("./image.png")).isEqualTo("image.png");
    assertThat(LinkFollower.markdownDestination("100%.png")).isEqualTo("100%.png");
    assertThat(LinkFollower.markdownDestination("a+b.png")).isEqualTo("a+b.png");
    assertThat(LinkFollower.markdownDestination("https://example.org/a%20b.png"))
        .isEqualTo("https://example.org/a%20b.png");
    assertThat(LinkFollower.markdownDestination("Note#Heading")).isEqualTo("Note#Heading");
  }
}
