package org.rhizome.graph.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rhizome.graph.query.LinkResolution.Candidate;

class LinkResolutionTest {
  private static Candidate at(long id, String folderKey) {
    return new Candidate(id, folderKey, 100, "soul" + id);
  }

  private static long pick(List<Candidate> candidates, String source, String target) {
    return LinkResolution.choose(candidates, source, target).map(Candidate::id).orElse(-1L);
  }

  @Test
  void aBareNameWithOneCandidateReachesItFromAnywhere() {
    assertThat(pick(List.of(at(1, "deep/er")), "elsewhere", "")).isEqualTo(1);
  }

  @Test
  void aBareNamePrefersTheSameFolderThenTheShortestPathThenTheOldest() {
    List<Candidate> c =
        List.of(at(1, "aa/bb"), at(2, "b"), at(3, "a"), new Candidate(4, "a", 50, "z"));
    assertThat(pick(c, "aa/bb", "")).isEqualTo(1);
    assertThat(pick(c, "q", "")).isEqualTo(4); // "a" ties "a" on length and name; created 50 < 100
  }

  @Test
  void thePathFromTheRootBeatsTheRelativePathWhichBeatsASuffix() {
    List<Candidate> c = List.of(at(1, "x/p"), at(2, "p"), at(3, "long/x/p"));
    assertThat(pick(c, "x", "p")).isEqualTo(2);
    assertThat(pick(List.of(at(1, "x/p"), at(3, "long/x/p")), "x", "p")).isEqualTo(1);
    assertThat(pick(List.of(at(3, "long/x/p")), "", "x/p")).isEqualTo(3);
    assertThat(pick(List.of(at(3, "long/x/p")), "", "y/p")).isEqualTo(-1);
  }

  @Test
  void dotSegmentsAreReadFromTheLinkingNotesFolderOnly() {
    List<Candidate> c = List.of(at(1, "p"), at(2, "x/p"));
    assertThat(pick(c, "x", "./p")).isEqualTo(2);
    assertThat(pick(c, "x/y", "../p")).isEqualTo(2);
    assertThat(pick(c, "", "../p")).isEqualTo(-1);
    assertThat(LinkResolution.normalize("a/./b/../c")).isEqualTo(Optional.of("a/c"));
  }
}
