package org.rhizome.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.query.NoteName;
import org.rhizome.graph.query.NoteRef;
import org.rhizome.ui.names.NoteNameIndex;

/** When [[ completion offers "Create note «X»". */
class LinkCompletionTest {
  static NoteNameIndex.Match match(String folder, String title) {
    NoteRef ref = new NoteRef(new Soul("note-1"), title, 0, 0, folder);
    return new NoteNameIndex.Match(
        new NoteNameIndex.Entry(new NoteName(ref, title, false), title.toLowerCase()), 1);
  }

  @Test
  void offersToCreateAValidTitleNoNoteHas() {
    assertThat(LinkCompletion.creatable("Tar", List.of(match("", "Target note")))).contains("Tar");
    assertThat(LinkCompletion.creatable(" New idea ", List.of())).contains("New idea");
    assertThat(LinkCompletion.creatable("Projects/Plan", List.of())).contains("Projects/Plan");
  }

  @Test
  void notForAnExistingNameAnInvalidTitleOrAHeadingLink() {
    assertThat(LinkCompletion.creatable("target NOTE", List.of(match("", "Target note"))))
        .isEmpty();
    assertThat(LinkCompletion.creatable("Work/Plan", List.of(match("Work", "Plan")))).isEmpty();
    assertThat(LinkCompletion.creatable("", List.of())).isEmpty();
    assertThat(LinkCompletion.creatable("a: b", List.of())).isEmpty();
    assertThat(LinkCompletion.creatable("Note#Heading", List.of())).isEmpty();
    assertThat(LinkCompletion.creatable("Note|alias", List.of())).isEmpty();
  }
}
